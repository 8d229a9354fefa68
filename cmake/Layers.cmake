# Per-layer include roots (see the layer list in CMakeLists.txt). A layer's target gets
#   build/layers/<target>/include/flinklint/<header>  links to the public headers it owns (PUBLIC),
#   build/layers/<target>/private/<dir name>          a link to its own source folder (PRIVATE),
# so a layer sees the public headers of the layers it links and its own private headers, and an
# include of any other header is "No such file or directory".
set(FLINKLINT_LAYER_ROOT ${CMAKE_BINARY_DIR}/layers)
set_property(GLOBAL PROPERTY FLINKLINT_LAYER_HEADERS "")

# flinklint_layer(<target> <source dir> [HEADERS h.hpp...] [SOURCES extra.cpp...]
#                 [PUBLIC_INCLUDE dir]): a static library of every .cpp below <source dir>.
function(flinklint_layer name dir)
  cmake_parse_arguments(PARSE_ARGV 2 LAYER "" "PUBLIC_INCLUDE" "HEADERS;SOURCES")
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/${dir}/*.cpp)
  list(FILTER srcs EXCLUDE REGEX "/main\\.cpp$")
  add_library(${name} STATIC ${srcs} ${LAYER_SOURCES})

  set(root ${FLINKLINT_LAYER_ROOT}/${name})
  file(REMOVE_RECURSE ${root})
  file(MAKE_DIRECTORY ${root}/include/flinklint ${root}/private)
  foreach(header IN LISTS LAYER_HEADERS)
    set(from ${PROJECT_SOURCE_DIR}/linter/include/flinklint/${header})
    if(NOT EXISTS ${from})
      message(FATAL_ERROR "layer ${name}: no public header linter/include/flinklint/${header}")
    endif()
    file(CREATE_LINK ${from} ${root}/include/flinklint/${header} SYMBOLIC)
  endforeach()
  set_property(GLOBAL APPEND PROPERTY FLINKLINT_LAYER_HEADERS ${LAYER_HEADERS})
  get_filename_component(private_name ${dir} NAME)
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${dir} ${root}/private/${private_name} SYMBOLIC)

  target_include_directories(${name} PUBLIC ${root}/include ${LAYER_PUBLIC_INCLUDE} PRIVATE ${root}/private)
  target_link_libraries(${name} PRIVATE flinklint_warnings)
  flinklint_precompile(${name})
endfunction()

# Every public header belongs to exactly one layer: a new header must be given to one.
function(flinklint_check_layer_headers)
  file(GLOB headers RELATIVE ${PROJECT_SOURCE_DIR}/linter/include/flinklint
       CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/linter/include/flinklint/*.hpp)
  get_property(owned GLOBAL PROPERTY FLINKLINT_LAYER_HEADERS)
  foreach(header IN LISTS headers)
    list(FIND owned ${header} at)
    if(at EQUAL -1)
      message(FATAL_ERROR "linter/include/flinklint/${header} belongs to no layer: add it to a "
                          "flinklint_layer(... HEADERS) in CMakeLists.txt")
    endif()
  endforeach()
  set(seen "")
  foreach(header IN LISTS owned)
    if(header IN_LIST seen)
      message(FATAL_ERROR "linter/include/flinklint/${header} is given to two layers")
    endif()
    list(APPEND seen ${header})
  endforeach()
endfunction()
