#!/usr/bin/env bash
# The Debian package as a user gets it: unpacked into an empty folder (no
# installation, no build tree nearby), its program renders the seed page and
# runs a batch from another folder, its Depends name the libraries and the
# fonts of scripts/bootstrap.sh, and its man page reads with `man -l`.
#   deb_test.sh PACKAGE.deb SOURCE_DIR
set -euo pipefail
deb=$1 src=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

[ -f "$deb" ] || fail "$deb is missing: run \`make deb\` (\`make test\` does)"
[ "$deb" -nt "$src/CMakeLists.txt" ] || fail "$deb is older than CMakeLists.txt: run \`make deb\`"
work=$(mktemp -d /tmp/broadsheet-deb-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/root
dpkg-deb -x "$deb" "$root"
bin=$root/usr/bin/broadsheet
examples=$root/usr/share/broadsheet/examples

# Depends: every runtime package bootstrap.sh names, and the shared libraries.
depends=$(dpkg-deb -f "$deb" Depends)
for p in $(bash "$src/scripts/bootstrap.sh" --runtime); do
  grep -qE "(^|, )$p( |,|$)" <<<"$depends" || fail "Depends lacks $p: $depends"
done
for lib in libhpdf libharfbuzz0b libyaml-cpp libicu libfontconfig1; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
# Every library the program and the module load is in Depends' packages.
for f in "$bin" "$root/usr/lib/broadsheet/libbroadsheet-extras.so"; do
  if ldd "$f" | grep -q "not found"; then ldd "$f"; fail "$f has unresolved libraries"; fi
done

# Render from an unrelated folder: layouts and fonts come from the package.
mkdir "$work/elsewhere"
cd "$work/elsewhere"
"$bin" render "$examples/seed-page.yaml" -o seed-page.pdf
pages=$(pdfinfo seed-page.pdf | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 1 ] || fail "seed-page.pdf has no pages"
text=$(pdftotext seed-page.pdf -)
grep -q "总工会" <<<"$text" || fail "seed-page.pdf has no searchable Chinese text"
# The same page the build tree makes: same layout, same fonts, same program.
"$src/build/broadsheet" render "$examples/seed-page.yaml" -o build-tree.pdf
cmp -s seed-page.pdf build-tree.pdf || fail "the packaged program renders the seed page differently from build/broadsheet"
"$bin" render "$examples/seed-page.yaml" --layout sheet-a4 -o sheet.pdf
"$bin" render "$examples/seed-page.yaml" --press -o press.pdf
"$bin" fonts >/dev/null

# batch and preview live in the extras module under usr/lib/broadsheet.
"$bin" batch "$examples/counties" -o counties -j 2 --report report.json >batch.log
[ "$(ls counties/*.pdf | wc -l)" -eq "$(ls "$examples"/counties/*.yaml | wc -l)" ] || fail "batch did not render every county"

# The man page: formats cleanly and lists every command of --help.
page=$root/usr/share/man/man1/broadsheet.1.gz
man_text=$(LC_ALL=C.UTF-8 MANWIDTH=100 man -l "$page" 2>"$work/man.err")
[ ! -s "$work/man.err" ] || { cat "$work/man.err"; fail "man -l printed warnings"; }
for section in NAME SYNOPSIS DESCRIPTION COMMANDS FILES "EXIT STATUS"; do
  grep -q "^$section" <<<"$man_text" || fail "the man page has no $section section"
done
commands=$("$bin" --help | sed -nE 's/^([[:space:]]+|[[:space:]]*usage:[[:space:]]*)broadsheet[[:space:]]+([a-z][a-z0-9-]*).*/\2/p' | sort -u)
for c in render batch check fonts preview; do grep -qx "$c" <<<"$commands" || fail "--help does not list $c"; done
for c in $commands; do
  grep -qE "^   $c\$" <<<"$man_text" || fail "the man page has no subsection for '$c'"
done

# The bash completion is where bash-completion looks for it.
[ -f "$root/usr/share/bash-completion/completions/broadsheet" ] || fail "no bash completion"
echo "deb test: ok ($(basename "$deb"), $pages pages, $(echo $commands | wc -w) commands in the man page)"
