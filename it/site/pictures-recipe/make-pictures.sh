#!/usr/bin/env bash
# Remakes the sample site's committed pictures (src/main/webapp/pictures) from MakePictures.java.
# Needs a JDK, ImageMagick 6, exiftool and cwebp; the build never runs this: the pictures are committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/webapp/pictures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java "$here/MakePictures.java" "$work"
mkdir -p "$out/landscapes" "$out/portraits" "$out/special"
jpeg() { convert "$work/$1.png" -strip -sampling-factor 2x2 -quality "${3:-82}" "$2"; }
# Quality per picture keeps every committed file under 100 KB.
for spec in alpine-lake:82 desert-dunes:82 sea-sunrise:70 rolling-hills:76 night-city:66; do
  jpeg "${spec%%:*}" "$out/landscapes/${spec%%:*}.jpg" "${spec##*:}"
done
for name in lighthouse forest canyon; do
  jpeg "$name" "$out/portraits/$name.jpg"
done
# Stored on its side with EXIF orientation 6 (rotate 90° clockwise to display): shown upright only when honoured.
convert "$work/peak.png" -rotate -90 -strip -quality 82 "$out/special/peak-exif-rotated.jpg"
exiftool -q -overwrite_original -n -Orientation=6 "$out/special/peak-exif-rotated.jpg"
convert "$work/poster.png" -strip -colorspace CMYK -quality 80 "$out/special/poster-cmyk.jpg"
convert "$work/grey-dunes.png" -strip -colorspace Gray -quality 82 "$out/special/dunes-greyscale.jpg"
convert "$work/badge.png" -strip -define png:compression-level=9 "PNG32:$out/special/badge-transparent.png"
convert "$work/shapes.png" -strip "$out/special/shapes.gif"
cwebp -quiet -q 70 "$work/meadow.png" -o "$out/special/meadow.webp"
convert "$work/icon.png" -strip "PNG32:$out/special/icon-small.png"
