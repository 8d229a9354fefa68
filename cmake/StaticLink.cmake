# FLINKLINT_STATIC: link the flinklint executable as static-pie. A pre-commit hook starts flinklint
# once per commit, and loading libstdc++, libfmt and libyaml-cpp cost ~2 M instructions (a third of a
# small check) and ~1 ms before main. Not with sanitizers or fuzzing, which need the shared runtimes.
#
# Defines flinklint_fmt and flinklint_yaml, the layers' fmt and yaml-cpp: in a static build the
# same compile settings as fmt::fmt / yaml-cpp, linked from archives (Debian ships fmt as a shared
# library only, so its compiled half is built here from its own headers).
option(FLINKLINT_STATIC "Link the flinklint executable statically (static-pie)" ON)

set(FLINKLINT_STATIC_LINK OFF)
if(FLINKLINT_STATIC AND NOT FLINKLINT_SANITIZE AND NOT FLINKLINT_FUZZ)
  find_library(FLINKLINT_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a)
  if(FLINKLINT_YAML_CPP_ARCHIVE)
    set(FLINKLINT_STATIC_LINK ON)
  else()
    message(STATUS "flinklint: libyaml-cpp.a not found, linking dynamically")
  endif()
endif()

add_library(flinklint_fmt INTERFACE)
add_library(flinklint_yaml INTERFACE)
if(FLINKLINT_STATIC_LINK)
  foreach(pair "flinklint_fmt;fmt::fmt" "flinklint_yaml;yaml-cpp")
    list(GET pair 0 ours)
    list(GET pair 1 theirs)
    target_include_directories(${ours} INTERFACE $<TARGET_PROPERTY:${theirs},INTERFACE_INCLUDE_DIRECTORIES>)
    target_compile_definitions(${ours} INTERFACE $<TARGET_PROPERTY:${theirs},INTERFACE_COMPILE_DEFINITIONS>)
  endforeach()
  add_library(flinklint_fmt_compiled STATIC ${CMAKE_CURRENT_LIST_DIR}/fmt_compiled.cpp)
  target_link_libraries(flinklint_fmt_compiled PRIVATE flinklint_fmt)
  target_link_libraries(flinklint_fmt INTERFACE flinklint_fmt_compiled)
  target_link_libraries(flinklint_yaml INTERFACE ${FLINKLINT_YAML_CPP_ARCHIVE})
else()
  target_link_libraries(flinklint_fmt INTERFACE fmt::fmt)
  target_link_libraries(flinklint_yaml INTERFACE yaml-cpp)
endif()

# Links `target` statically when FLINKLINT_STATIC_LINK is on.
function(flinklint_link_statically target)
  if(FLINKLINT_STATIC_LINK)
    target_link_options(${target} PRIVATE -static-pie)
  endif()
endfunction()
