#!/usr/bin/env bash
# Installs the Debian packages broadsheet needs, only when some are missing.
# As root it runs apt-get; otherwise it prints the one command to run.
set -euo pipefail

PACKAGES=(
  g++ cmake make pkg-config ccache
  libhpdf-dev libpoco-dev libyaml-cpp-dev doctest-dev
  libharfbuzz-dev libicu-dev libfontconfig-dev libpoppler-cpp-dev libdeflate-dev
  libpng-dev zlib1g-dev libjpeg62-turbo-dev
  liblcms2-dev  # press output: colour conversion through the press's ICC profile
  libgs-common ghostscript  # the default press profile (default_cmyk.icc); the press tests measure ink with gs
  poppler-utils
  python3-jsonschema python3-yaml  # the tests validate documents against schemas/ as editors do
  fonts-noto-cjk fonts-hanazono fonts-lxgw-wenkai  # the roles' faces and the Song-style fallback
  fonts-droid-fallback fonts-dejavu-core  # DejaVu: symbols such as ✉ ☎
  fonts-arphic-uming fonts-arphic-gkai00mp  # faces the font-qualification test measures
  fonts-arphic-ukai fonts-wqy-zenhei  # TrueType faces the PDF tests embed beside CFF ones
  chromium  # headless, for the preview's browser test
  clang libclang-rt-14-dev  # libFuzzer, ASan and UBSan for `make fuzz` (part of make test)
  dpkg-dev file man-db  # make deb (CPack runs file and dpkg-shlibdeps) and its test (man -l)
  nodejs  # the Kubernetes manifests' schema check (tests/deploy/k8s)
)

# --list prints the packages, one a line (the Containerfile installs them);
# --runtime prints the ones the installed program needs besides its shared
# libraries, the fonts and colour profiles (libgs-common has the default press
# profile): the Debian package's Depends.
case "${1:-}" in
  --list) printf '%s\n' "${PACKAGES[@]}"; exit 0 ;;
  --runtime) printf '%s\n' "${PACKAGES[@]}" | grep -E '^(fonts-|icc-profiles|libgs-common$)' || true; exit 0 ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
  # dpkg-query is fast; a package counts as present only when fully installed.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# npm comes with some builds of nodejs and is its own Debian package otherwise.
command -v npm >/dev/null 2>&1 || missing+=(npm)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "broadsheet needs these Debian packages; install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
