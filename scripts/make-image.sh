#!/usr/bin/env bash
# `make image`: builds the container image localhost/broadsheet:VERSION from
# the Containerfile with podman, which needs no container daemon
# (--isolation=chroot). Where no container registry is reachable, the Debian
# base image is made first from the Debian mirror with mmdebstrap and
# imported into podman. podman and mmdebstrap are installed here (as root)
# rather than by bootstrap.sh: only this target needs them.
#   BASE=IMAGE     base image (default debian:bookworm-slim)
#   MIRROR=URL     Debian mirror for mmdebstrap (default http://deb.debian.org/debian)
set -euo pipefail
cd "$(dirname "$0")/.."

tools=(podman mmdebstrap)
missing=()
for t in "${tools[@]}"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "make image needs: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "make image: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

version=$(sed -nE 's/^project\(broadsheet VERSION ([0-9.]+).*/\1/p' CMakeLists.txt)
image=localhost/broadsheet:$version
base=${BASE:-docker.io/library/debian:bookworm-slim}
mirror=${MIRROR:-http://deb.debian.org/debian}

if ! podman image exists "$base" && ! timeout 120 podman pull -q "$base" >/dev/null 2>&1; then
  # No registry: the same Debian release, made from the Debian mirror.
  local_base=localhost/debian:bookworm-mmdebstrap
  if ! podman image exists "$local_base"; then
    echo "make image: no registry has $base; making $local_base with mmdebstrap from $mirror"
    tarball=$(mktemp --suffix=.tar)
    trap 'rm -f "$tarball"' EXIT
    mmdebstrap --variant=minbase --quiet \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
      --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
      bookworm "$tarball" \
      "deb $mirror bookworm main" "deb $mirror bookworm-updates main" \
      "deb ${mirror%/debian}/debian-security bookworm-security main"
    podman import --change 'CMD ["bash"]' "$tarball" "$local_base" >/dev/null
  fi
  base=$local_base
fi

echo "make image: building $image on $base"
podman build --isolation=chroot --build-arg BASE="$base" -t "$image" -f Containerfile .
echo "make image: $image"
