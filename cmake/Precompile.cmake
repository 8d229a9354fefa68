# FLINKLINT_PCH: precompile the standard and fmt headers that most files include, once per target.
# Parsing them is a large part of compiling a file: on 51 files of a clean build, 137 s of CPU
# without, 99 s with them precompiled. CI's sanitizer and fuzz build (clang, scripts/sanitize.sh
# --fuzz-build) uses it.
#
# On by default with clang only. GCC 12 no longer treats a header read from a precompiled header as
# a system header, so the false positives of its middle-end warnings there (-Wstringop-overflow,
# -Warray-bounds in std::string's operator+, GCC bug 105329) become errors under -Werror:
# linter/src/fix/atomic_write.cpp compiles cleanly with the same headers included as text, and fails
# with them precompiled.
#
# ccache caches files compiled against a precompiled header only with the sloppiness CMakeLists.txt
# sets on its launcher, and from clang only without the header's timestamp (ccache(1), "PRECOMPILED
# HEADERS").
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  set(pch_default ON)
else()
  set(pch_default OFF)
endif()
option(FLINKLINT_PCH "Precompile the common standard and fmt headers of every target" ${pch_default})

# Not <filesystem>: it brings std::quoted, which argument-dependent lookup then prefers to
# flinklint's quoted() (linter/include/flinklint/java_text.hpp) for a std::string argument.
set(FLINKLINT_PCH_HEADERS
  <algorithm> <array> <cstddef> <cstdint> <map> <memory> <optional> <set> <string> <string_view>
  <utility> <vector> <fmt/format.h>)

# flinklint_precompile(<target> [<extra header>...]): the common headers and the target's own.
function(flinklint_precompile target)
  if(NOT FLINKLINT_PCH)
    return()
  endif()
  target_precompile_headers(${target} PRIVATE ${FLINKLINT_PCH_HEADERS} ${ARGN})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    target_compile_options(${target} PRIVATE -Xclang -fno-pch-timestamp)
  endif()
endfunction()
