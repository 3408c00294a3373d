#!/usr/bin/env bash
# Renders the pictures of the samples shown in the README into docs/.
# Run after `make demo`; the PNGs are committed (small: 50–60 dpi).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
page() {  # page PDF PAGE DPI OUT
  pdftoppm -r "$3" -png -f "$2" -l "$2" -singlefile "$1" "${4%.png}"
  # Fewer colours keep the committed pictures small (ImageMagick, if present).
  if command -v convert >/dev/null; then convert "$4" +dither -colors 48 -strip "$4"; fi
}
page out/seed-page.pdf 1 60 docs/seed-page-1.png
page out/seed-page.pdf 2 60 docs/seed-page-2.png
page out/seed-page-broadsheet-a3.pdf 1 45 docs/seed-page-a3.png
page out/typesetting-showcase.pdf 1 60 docs/typesetting-showcase.png
page out/counties/anji.pdf 1 50 docs/county-anji.png
page out/counties/shouguang.pdf 1 50 docs/county-shouguang.png
if [ -f out/seed-page-sheet-a4.pdf ]; then page out/seed-page-sheet-a4.pdf 1 50 docs/seed-page-sheet-a4.png; fi
# 200-dpi crops (pixels at 200 dpi): the seed's bold headline, and showcase
# lines mixing punctuation, Latin words and figures.
crop() {  # crop PDF X Y W H OUT
  pdftoppm -r 200 -png -f 1 -l 1 -singlefile -x "$2" -y "$3" -W "$4" -H "$5" "$1" "${6%.png}"
}
crop out/seed-page.pdf 125 228 1403 106 docs/crop-headline-200dpi.png
crop out/typesetting-showcase.pdf 125 1917 708 250 docs/crop-mixed-latin-200dpi.png
ls -la docs/*.png
