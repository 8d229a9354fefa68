#!/usr/bin/env bash
# Installs the Debian packages flinklint needs to build and test. Does nothing when all are present.
# Works as root; uses sudo otherwise.
set -euo pipefail

packages=(
  build-essential cmake
  libyaml-cpp-dev libboost-dev libfmt-dev libcli11-dev nlohmann-json3-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # flinklint-fetch, observe's HTTP and HTTPS client (cpp-httplib with OpenSSL), and the local REST
  # server of its tests; openssl makes the tests' TLS certificate.
  libcpp-httplib-dev libssl-dev pkg-config openssl
  python3
  python3-yaml
)
# Extra packages for the full test suite (SARIF validator via npm, pre-commit integration test,
# headless Chromium for the HTML report of `flinklint tune`, Neovim as an LSP client).
# Tools found on PATH (however installed) are not installed again.
if [[ "${1:-}" == "--tests" ]]; then
  command -v npm >/dev/null || packages+=(nodejs npm)
  command -v pre-commit >/dev/null || packages+=(pre-commit)
  command -v git >/dev/null || packages+=(git)
  command -v chromium >/dev/null || packages+=(chromium)  # renders the tune HTML report in a test
  command -v nvim >/dev/null || packages+=(neovim)  # its built-in LSP client drives `flinklint lsp`
  # The release tests: the man page rendered by man, the completions loaded by each shell, the
  # container image built and run (podman runs it with runc: see tests/unit/cli/container_test.cpp).
  packages+=(man-db bash zsh fish podman runc)
fi
# The style check (scripts/format.sh --check in .ci/run): clang-format 14, the version .clang-format
# was written for.
if [[ "${1:-}" == "--format" ]]; then
  packages+=(clang-format-14)
fi
# The fuzz targets (scripts/fuzz.sh): clang with libFuzzer.
if [[ "${1:-}" == "--fuzz" ]]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi
echo "Installing: ${missing[*]}" >&2
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
