#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD/fuzz for SECONDS each, seeded from
# samples/, tests/data/ and the reproducers kept in fuzz/corpus/<target>/.
# Fails on any finding (crash, sanitizer report, timeout, out-of-memory);
# the input that caused it is left in BUILD/findings/<target>/.
#   scripts/fuzz.sh BUILD SECONDS
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
seconds=$2
root=$PWD

seeds_for() {
  case $1 in
    fuzz_document) ls samples/*.yaml samples/counties/*.yaml tests/data/docs/*.yaml tests/data/errors/*.yaml ;;
    fuzz_layout) ls layouts/*.yaml tests/data/errors/layout-*.yaml ;;
    fuzz_compose_text) ;;  # fuzz/corpus/fuzz_compose_text holds its seeds (4-byte header + text)
    fuzz_image_probe) ls tests/data/images/*.jpg tests/data/images/*.png tests/data/docs/photos/* samples/photos/*.jpg ;;
  esac
}

status=0
summary=""
for target in fuzz_document fuzz_layout fuzz_compose_text fuzz_image_probe; do
  bin=$build/fuzz/$target
  work=$(mktemp -d)
  findings=$build/findings/$target
  mkdir -p "$findings" "fuzz/corpus/$target"
  for f in $(seeds_for $target); do cp "$f" "$work/seed-$(basename "$f")"; done
  log=$build/$target.log
  # New inputs go to the scratch folder; the kept corpus is only read.
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$findings/" "$work" "fuzz/corpus/$target" >"$log" 2>&1; then
    result=ok
  else
    result=FINDING
    status=1
    tail -n 40 "$log" >&2
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  summary+="$(printf '%-20s %10s runs in %ss: %s' "$target" "$execs" "$seconds" "$result")"$'\n'
  rm -rf "$work"
done
printf 'fuzz:\n%s' "$summary"
[ $status -eq 0 ] || echo "fuzz: findings are in $root/$build/findings/ (add each, once fixed, to fuzz/corpus/<target>/)" >&2
exit $status
