#!/usr/bin/env bash
# The Kubernetes example (deploy/k8s) is valid: schema, field names and the
# references between its objects (tests/deploy/k8s/validate.mjs). And the
# validator is not blind: a broken example yields each expected error.
#   k8s_test.sh VALIDATOR_DIR SOURCE_DIR IMAGE
set -euo pipefail
validator=$1/validate.mjs src=$2 image=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -d "$1/node_modules/kubernetes-models" ] || fail "$1/node_modules is missing (the build runs npm ci there)"

node "$validator" "$src/deploy/k8s" "$image"

cd "$src/tests/deploy/k8s/broken"
if out=$(node "$validator" . "$image" 2>&1); then fail "the broken example passed validation"; fi
while IFS= read -r expected; do
  grep -qF -- "$expected" <<<"$out" || { echo "$out" >&2; fail "not reported: $expected"; }
done <expected-errors.txt
echo "k8s test: ok (broken example: $(wc -l <expected-errors.txt) errors found)"
