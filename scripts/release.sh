#!/usr/bin/env bash
# Builds a Release, statically linked flinklint and writes the release artefacts to dist/:
#   flinklint-VERSION-linux-x86_64.tar.gz   flinklint, flinklint-fetch, doc/flinklint.1, complete/ (bash,
#                                           zsh, fish), LICENSE, NOTICE, README.md, licenses/ (linked
#                                           libraries), Containerfile (the directory is the image's build
#                                           context)
#   flinklint_VERSION_amd64.deb              made by CPack: /usr/bin/flinklint (static, no dependency),
#                                           /usr/libexec/flinklint/flinklint-fetch (observe's HTTP and
#                                           HTTPS client: Depends on libcpp-httplib0.11 and OpenSSL, as
#                                           dpkg-shlibdeps finds them), man page, completions
#   SHA256SUMS
# VERSION comes from project(VERSION) and `git describe` (cmake/Version.cmake).
#
# --quick reuses build/ (the Release build scripts/test.sh leaves) instead of a clean build in
# build-release/. SOURCE_DATE_EPOCH defaults to the commit time, so the build date, the man page
# and the archives are the same for the same commit.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build-release
if [[ "${1:-}" == "--quick" ]]; then
  build_dir=build
elif [[ $# -gt 0 ]]; then
  echo "usage: scripts/release.sh [--quick]" >&2
  exit 2
fi
scripts/install-deps.sh
if [[ -z "${SOURCE_DATE_EPOCH:-}" ]] && git rev-parse HEAD >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}

configure=(-DCMAKE_BUILD_TYPE=Release -DFLINKLINT_STATIC=ON -DFLINKLINT_DOCS=ON
           -DFLINKLINT_ZSH_COMPLETION_DIR=share/zsh/vendor-completions)
if [[ "$build_dir" == build-release ]]; then
  configure+=(-DFLINKLINT_BUILD_TESTS=OFF)
elif [[ -f build/CMakeCache.txt ]] && ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' build/CMakeCache.txt; then
  echo "release: build/ is not a Release build; run without --quick" >&2
  exit 1
fi
cmake -S . -B "$build_dir" "${configure[@]}" >/dev/null
cmake --build "$build_dir" -j"$(nproc)" --target flinklint flinklint-fetch flinklint_docs

binary="$build_dir/flinklint"
# A static binary has no program interpreter and needs no shared library.
if readelf -lW "$binary" | grep -q 'Requesting program interpreter' || readelf -dW "$binary" | grep -q NEEDED; then
  echo "release: $binary is not statically linked (is libyaml-cpp.a installed?)" >&2
  exit 1
fi
version=$("$binary" --version --format json | sed -n 's/^  "version": "\(.*\)",$/\1/p')
[[ -n "$version" ]] || { echo "release: no version from $binary --version" >&2; exit 1; }
arch=$(uname -m)

rm -rf dist/stage dist/cpack
rm -f dist/flinklint-*.tar.gz dist/flinklint_*.deb dist/SHA256SUMS
name="flinklint-$version-linux-$arch"
stage="dist/stage/$name"
mkdir -p "$stage/doc" "$stage/complete" "$stage/licenses"
strip -o "$stage/flinklint" "$binary"
# Beside flinklint, where `flinklint observe` looks first (cli/observe_command.cpp).
strip -o "$stage/flinklint-fetch" "$build_dir/flinklint-fetch"
cp LICENSE NOTICE README.md Containerfile "$stage/"
docs="$build_dir/docs-gen"
cp "$docs/flinklint.1" "$stage/doc/"
cp "$docs/flinklint.bash" "$docs/_flinklint" "$docs/flinklint.fish" "$stage/complete/"
for package in libyaml-cpp-dev libfmt-dev libcli11-dev nlohmann-json3-dev libboost-dev zlib1g-dev; do
  cp "/usr/share/doc/$package/copyright" "$stage/licenses/$package.copyright"
done
"$stage/flinklint" --version | head -1 | grep -qx "flinklint $version"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    -C dist/stage -cf - "$name" | gzip -9n > "dist/$name.tar.gz"

cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$PWD/dist/cpack" >/dev/null
mv dist/cpack/flinklint_*.deb dist/
deb=$(ls dist/flinklint_*.deb)
# flinklint is static and needs nothing; flinklint-fetch links Debian's shared cpp-httplib (Debian has
# no static archive of it) and OpenSSL, so the package depends on them and on nothing else.
depends=$(dpkg-deb -f "$deb" Depends)
if [[ "$depends" != *libcpp-httplib0.11* ]]; then
  echo "release: $deb does not depend on libcpp-httplib0.11 (Depends: $depends)" >&2
  exit 1
fi
unexpected=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' |
             grep -vxE 'libcpp-httplib0\.11|libssl3|libc6|libstdc\+\+6|libgcc-s1' || true)
if [[ -n "$unexpected" ]]; then
  echo "release: $deb depends on more than flinklint-fetch's libraries: $unexpected" >&2
  exit 1
fi
rm -rf dist/stage dist/cpack
(cd dist && sha256sum "$name.tar.gz" "$(basename "$deb")" > SHA256SUMS)

echo "release: flinklint $version ($build_dir)"
for file in "$binary" "dist/$name.tar.gz" "$deb"; do
  printf '  %-52s %9d bytes\n' "$file" "$(stat -c %s "$file")"
done
echo "  dist/SHA256SUMS"
