#!/usr/bin/env bash
# Draws the stand-in photos of samples/counties/ with ImageMagick 6 (`convert`).
# The JPEGs are committed: CI does not have ImageMagick. Rerun only to change them.
set -euo pipefail
cd "$(dirname "$0")"

W=800
H=540
draw=()  # the drawing commands of the picture being made

person() {  # X Y SIZE(10 = normal) COLOUR: a head and a body
  local x=$1 y=$2 s=$3 c=$4
  draw+=(-fill "$c" -draw "circle $x,$y $((x + 22 * s / 10)),$y"
         -draw "roundrectangle $((x - 28 * s / 10)),$((y + 28 * s / 10)) $((x + 28 * s / 10)),$((y + 130 * s / 10)) 10,10")
}
box() { draw+=(-fill "$1" -draw "rectangle $2"); }  # COLOUR "X0,Y0 X1,Y1"
disc() { draw+=(-fill "$1" -draw "circle $2,$3 $(($2 + $4)),$3"); }  # COLOUR X Y RADIUS

# Flat shapes, then grain and a little blur, so the files look and compress like photos.
make() {  # NAME GRADIENT
  convert -size ${W}x${H} gradient:"$2" "${draw[@]}" \
    -attenuate 0.35 +noise Gaussian -blur 0x0.6 -strip -sampling-factor 4:2:0 -quality 80 "$1.jpg"
  draw=()
}

# 技能竞赛: two workers at machines under a banner.
box '#4a4a46' "0,400 $W,$H"; box '#c42323' "50,36 750,80"
box '#e08a2e' "80,250 360,470"; box '#8d99a6' "440,200 730,470"; box '#f2c511' "450,400 720,418"
person 230 180 10 '#202020'; person 580 130 10 '#202020'
make contest '#5b6b7d-#aab4be'

# 宣讲: a speaker at a desk, rows of listeners seen from behind.
box '#b3262a' "120,30 680,86"; person 400 150 9 '#1d2a44'; box '#7a4b2a' "300,220 500,300"
for row in 0 1 2; do
  for col in 0 1 2 3 4 5 6 7; do disc '#2b2b2b' $((70 + col * 95 + row * 20)) $((360 + row * 60)) 26; done
done
make lecture '#d9cfb8-#a89878'

# 劳模工匠创新工作室: a screen, a long bench and three people around it.
box '#263238' "250,40 550,200"; box '#4fc3f7' "262,52 538,188"
box '#6d4c41' "60,360 740,400"; box '#5d4037' "90,400 110,520"; box '#5d4037' "690,400 710,520"
box '#9e9e9e' "200,330 300,360"; box '#ff7043' "480,320 560,360"
person 160 230 9 '#37474f'; person 400 250 8 '#1565c0'; person 640 230 9 '#37474f'
make studio '#e8edf0-#b9c3c9'

# 职工之家 / 爱心驿站: a small house with a heart on its sign, a tree beside it.
box '#7cb342' "0,430 $W,$H"; box '#f5f5f0' "200,230 560,450"
draw+=(-fill '#c62828' -draw "polygon 180,235 380,110 580,235")
box '#8d6e63' "340,330 420,450"; box '#ffffff' "250,255 510,305"
disc '#e53935' 370 272 9; disc '#e53935' 390 272 9; draw+=(-draw "polygon 361,275 408,275 384,298")
box '#5d4037' "650,300 670,440"; disc '#2e7d32' 660 260 60
make station '#9fd3f0-#e9f4fb'

# 技能培训: a teacher at a whiteboard, desks in rows.
box '#fafafa' "180,40 620,230"
draw+=(-stroke '#78909c' -strokewidth 6 -fill none -draw "rectangle 180,40 620,230" -stroke none)
box '#1e88e5' "220,80 420,92"; box '#1e88e5' "220,120 520,132"; box '#1e88e5' "220,160 460,172"
person 680 150 8 '#6a1b9a'
for row in 0 1; do
  for col in 0 1 2 3; do
    x=$((110 + col * 180)); y=$((330 + row * 100))
    box '#a1887f' "$((x - 60)),$((y + 40)) $((x + 60)),$((y + 56))"; disc '#424242' $x $y 20
  done
done
make classroom '#f3efe6-#d7cfbf'

# 田间送技术: a greenhouse, rows of crops, two workers.
box '#8d6e63' "0,380 $W,$H"
for r in 0 1 2 3 4; do box '#388e3c' "0,$((400 + r * 28)) $W,$((414 + r * 28))"; done
draw+=(-fill '#e0f2f1' -stroke '#90a4ae' -strokewidth 4 -draw "ellipse 260,330 220,190 180,360" -stroke none)
box '#80cbc4' "40,330 480,380"
person 600 250 9 '#ef6c00'; person 700 270 8 '#283593'
make greenhouse '#b3e5fc-#fff8e1'

ls -l ./*.jpg
