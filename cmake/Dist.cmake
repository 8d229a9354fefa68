# What `cmake --install` and the Debian package ship: the binary, flinklint-fetch (installed by
# CMakeLists.txt into libexec/flinklint), the man page and shell completions
# (generated from the built binary by cli/docgen/gen.py, so they follow its options and rules),
# LICENSE, NOTICE, README and the licences of the libraries linked into the static binary.
include(GNUInstallDirs)
find_package(Python3 COMPONENTS Interpreter)
# Also in the fuzzing build: its flinklint ships nowhere, but CI runs the whole suite there
# (scripts/sanitize.sh --fuzz-build), the man page and completion tests included.
set(docs_default ${Python3_FOUND})
option(FLINKLINT_DOCS "Generate the man page and shell completions (needs Python 3)" ${docs_default})

# `make install` and cpack's preinstall step do not build `all` first: cpack run by a test (the
# .deb test in tests/unit/cli/dist_test.cpp) would otherwise relink test executables that other
# tests are running. Build first (scripts/release.sh builds flinklint and flinklint_docs).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
install(TARGETS flinklint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

if(FLINKLINT_DOCS)
  if(NOT Python3_FOUND)
    message(FATAL_ERROR "FLINKLINT_DOCS needs Python 3 (Debian: python3)")
  endif()
  set(docs_dir ${PROJECT_BINARY_DIR}/docs-gen)
  set(docs_outputs ${docs_dir}/flinklint.1 ${docs_dir}/flinklint.1.gz ${docs_dir}/flinklint.bash
                   ${docs_dir}/_flinklint ${docs_dir}/flinklint.fish)
  file(GLOB docgen_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/cli/docgen/*.py)
  add_custom_command(
    OUTPUT ${docs_outputs}
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/cli/docgen/gen.py $<TARGET_FILE:flinklint> ${docs_dir}
    DEPENDS flinklint ${docgen_sources}
    COMMENT "Generating the flinklint man page and shell completions"
    VERBATIM)
  add_custom_target(flinklint_docs ALL DEPENDS ${docs_outputs})

  # Debian's zsh reads vendor-completions; other zsh installations read site-functions.
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(zsh_dir_default ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
  else()
    set(zsh_dir_default ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
  endif()
  set(FLINKLINT_ZSH_COMPLETION_DIR ${zsh_dir_default} CACHE STRING "Where zsh completions are installed")
  install(FILES ${docs_dir}/flinklint.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${docs_dir}/flinklint.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME flinklint)
  install(FILES ${docs_dir}/_flinklint DESTINATION ${FLINKLINT_ZSH_COMPLETION_DIR})
  install(FILES ${docs_dir}/flinklint.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
endif()

install(FILES LICENSE NOTICE README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The static binary carries these libraries' code; Debian keeps their licences in copyright files.
foreach(package libyaml-cpp-dev libfmt-dev libcli11-dev nlohmann-json3-dev libboost-dev zlib1g-dev)
  if(EXISTS /usr/share/doc/${package}/copyright)
    install(FILES /usr/share/doc/${package}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR}/licenses
            RENAME ${package}.copyright)
  endif()
endforeach()

# `cpack -G DEB` (scripts/release.sh). The static flinklint needs no library; flinklint-fetch (observe's
# HTTP and HTTPS client, /usr/libexec/flinklint) links Debian's shared cpp-httplib and OpenSSL, so
# dpkg-shlibdeps writes the package's Depends (libcpp-httplib0.11, libssl3, libc6, libstdc++6, ...).
set(CPACK_PACKAGE_NAME flinklint)
set(CPACK_PACKAGE_VERSION ${FLINKLINT_VERSION_FULL})
set(CPACK_PACKAGE_VENDOR "The flinklint authors")
set(CPACK_PACKAGE_CONTACT "The flinklint authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Static analysis, fixes and tuning for Apache Flink configuration")
set(CPACK_PACKAGE_DESCRIPTION
    "flinklint checks flink-conf.yaml, config.yaml, Flink Kubernetes Operator resources, Kubernetes manifests and docker-compose files for the settings that take Flink jobs down (unknown keys, memory, heartbeats, checkpoints, ports), fixes what it can safely, and recommends configurations.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
if(NOT FLINKLINT_STATIC_LINK OR TARGET flinklint-fetch)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # a dynamic executable needs its libraries installed
endif()
include(CPack)
