#!/usr/bin/env bash
# Renders the pictures of the samples shown in the README into docs/.
# Run after `make demo`; the PNGs are committed (small: 50–60 dpi).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
page() {  # page PDF PAGE DPI OUT
  pdftoppm -r "$3" -png -f "$2" -l "$2" -singlefile "$1" "${4%.png}"
  # Fewer colours keep the committed pictures small (ImageMagick, if present).
  if command -v convert >/dev/null; then convert "$4" +dither -colors 48 "$4"; fi
}
page out/seed-page.pdf 1 60 docs/seed-page-1.png
page out/seed-page.pdf 2 60 docs/seed-page-2.png
page out/seed-page-broadsheet-a3.pdf 1 45 docs/seed-page-a3.png
page out/typesetting-showcase.pdf 1 60 docs/typesetting-showcase.png
page out/counties/anji.pdf 1 50 docs/county-anji.png
page out/counties/shouguang.pdf 1 50 docs/county-shouguang.png
if [ -f out/seed-page-sheet-a4.pdf ]; then page out/seed-page-sheet-a4.pdf 1 50 docs/seed-page-sheet-a4.png; fi
ls -la docs/*.png
