#!/usr/bin/env bash
# The bash completion against the program's own help: every command that
# `broadsheet --help` lists completes, every option of each command's usage
# completes after "-", --layout completes every layout that ships, and
# operands complete to documents.
#   completion_test.sh BROADSHEET SOURCE_DIR
set -euo pipefail
exe=$1 src=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

source "$src/deploy/bash-completion/broadsheet"
PATH=$(dirname "$exe"):$PATH
complete_line() {  # the words of a command line; the last one is being completed
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  _broadsheet
  printf '%s\n' "${COMPREPLY[@]}"
}
has() { grep -qxF -- "$2" <<<"$1"; }

help=$(broadsheet --help)
usage=$(sed -nE 's/^([[:space:]]+|[[:space:]]*usage:[[:space:]]*)(broadsheet[[:space:]]+[-a-zA-Z].*)$/\2/p' <<<"$help")
commands=$(awk '$2 ~ /^[a-z]/ {print $2}' <<<"$usage" | sort -u)
for c in render batch check fonts preview; do has "$commands" "$c" || fail "--help does not list $c"; done

top=$(complete_line broadsheet "")
for c in $commands; do has "$top" "$c" || fail "'broadsheet <TAB>' lacks the command $c"; done
has "$top" --help || fail "'broadsheet <TAB>' lacks --help"
has "$(complete_line broadsheet --v)" --version || fail "'broadsheet --v<TAB>' lacks --version"

checked=0
for c in $commands; do
  # The options of the command: its own --help if it has one, else its usage line.
  if ! text=$(broadsheet "$c" --help 2>/dev/null); then text=$(grep -E "^broadsheet[[:space:]]+$c([[:space:]]|$)" <<<"$usage"); fi
  got=$(complete_line broadsheet "$c" -)
  for opt in $(grep -oE -- '(^|[[[:space:]])--?[a-z][a-z-]*' <<<"$text" | tr -d '[ '); do
    has "$got" "$opt" || fail "'broadsheet $c -<TAB>' lacks $opt (got: $(echo $got))"
    checked=$((checked + 1))
  done
done
[ "$checked" -ge 10 ] || fail "only $checked options found in the help texts"

layouts=$(complete_line broadsheet render doc.yaml --layout "")
for f in "$src"/layouts/*.yaml; do
  name=$(basename "$f" .yaml)
  has "$layouts" "$name" || fail "'--layout <TAB>' lacks $name (got: $(echo $layouts))"
done
has "$(complete_line broadsheet render --layout news)" newspaper-a4 || fail "'--layout news<TAB>' is not newspaper-a4"

cd "$src"
has "$(complete_line broadsheet render samples/seed)" samples/seed-page.yaml || fail "'render samples/seed<TAB>' is not the seed page"
has "$(complete_line broadsheet batch samples/count)" samples/counties || fail "'batch samples/count<TAB>' lacks the folder"
echo "completion test: ok ($(echo $commands | wc -w) commands, $checked options)"
