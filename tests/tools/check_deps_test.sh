#!/usr/bin/env bash
# scripts/check-deps passes on this clone and fails on a copy with a backward
# include (the text stage including layout), one app product including
# another (the command line including the preview) or a link line the
# matrix lacks.
set -euo pipefail
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

copy() {
  rm -rf "$tmp/clone"
  mkdir -p "$tmp/clone/docs" "$tmp/clone/scripts"
  cp -r "$root/src" "$tmp/clone/src"
  cp "$root/CMakeLists.txt" "$tmp/clone/"
  cp "$root/docs/architecture.md" "$tmp/clone/docs/"
  cp "$root/scripts/check-deps" "$tmp/clone/scripts/"
}

# check-deps must reject the clone as changed (WHAT), with a message matching the pattern.
expect_rejected() {  # WHAT MESSAGE-PATTERN
  if python3 "$tmp/clone/scripts/check-deps" --root "$tmp/clone" 2>"$tmp/err"; then
    echo "FAIL: check-deps accepted $1"; exit 1
  fi
  grep -q "$2" "$tmp/err" || { echo "FAIL: unexpected message:"; cat "$tmp/err"; exit 1; }
}

copy
python3 "$tmp/clone/scripts/check-deps" --root "$tmp/clone"

# A backward include: the text stage reaching up into layout.
sed -i '0,/#include "core\//s//#include "layout\/page_grid.h"\n#include "core\//' "$tmp/clone/src/text/paragraph.h"
grep -q '#include "layout/page_grid.h"' "$tmp/clone/src/text/paragraph.h"
expect_rejected "text including layout" 'src/text/paragraph.h:[0-9]*:1: error: stage text may not include layout'

# One product reaching into another: the command line including the preview.
copy
sed -i '0,/#include "app\/common\//s//#include "app\/preview\/preview_command.h"\n#include "app\/common\//' "$tmp/clone/src/app/cli/cli.cpp"
grep -q '#include "app/preview/preview_command.h"' "$tmp/clone/src/app/cli/cli.cpp"
expect_rejected "app/cli including app/preview" 'src/app/cli/cli.cpp:[0-9]*:1: error: stage app/cli may not include app/preview'

# A link line the matrix does not allow: frame linking text.
copy
sed -i 's/^target_link_libraries(bs_frame PUBLIC bs_core/& bs_text/' "$tmp/clone/CMakeLists.txt"
grep -q '^target_link_libraries(bs_frame PUBLIC bs_core bs_text' "$tmp/clone/CMakeLists.txt"
expect_rejected "bs_frame linking bs_text" 'bs_frame links bs_text'
echo "check-deps: passes on the clone, fails on a backward include, on one product including another and on an extra link"
