#!/usr/bin/env bash
# Core benchmark: the 800 px JPEG task (or WIDTH) on the 20-photo reference corpus, imagefactory against libvips,
# Pillow (the original route's code) and ImageMagick in the same run; prints totals, ratios and output quality
# (PSNR of each output against libvips' own thumbnail).
# usage: [ROUNDS=3] bench/run.sh [WIDTH] [QUALITY]      (needs root for apt-get the first time)
set -euo pipefail
width=${1:-800}; quality=${2:-80}; rounds=${ROUNDS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_DIR:-$root/../shared}
corpus=${CORPUS:-$root/target/bench-corpus}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

. "$root/bench/packages.sh"
install_packages "${CORPUS_PACKAGES[@]}" libvips-tools imagemagick python3-pil
ensure_corpus "$corpus" "$shared"

(cd "$root" && mvn -B -q install -DskipTests -pl cli -am && mvn -B -q compile -pl bench)
classpath="$root/cli/target/imagefactory-cli-0.1.0-SNAPSHOT.jar:$root/bench/target/classes"

echo "# round 1: reference tools, then imagefactory, one process each, one thread, ${width} px JPEG q${quality}"
bash "$shared/bench/reference.sh" "$corpus" "$width" "$quality" | tee "$work/reference1.txt"
java -cp "$classpath" org.imagefactory.bench.PipelineBenchmark "$corpus" "$width" "$quality" 5 "$work/ours" \
  | tee "$work/ours1.txt"
# A fresh JVM's first pass moves by a few per cent from run to run (JIT compilation on the second core), as the
# reference tools' times do: more rounds, each the tools then a fresh JVM, and the median of their ratios.
for round in $(seq 2 "$rounds"); do
  bash "$shared/bench/reference.sh" "$corpus" "$width" "$quality" > "$work/reference$round.txt"
  java -cp "$classpath" org.imagefactory.bench.PipelineBenchmark "$corpus" "$width" "$quality" 0 "$work/out$round" \
    > "$work/ours$round.txt"
done

value() { awk -v key="$1" '$1 ~ "^" key {print $2}' "$2"; }
echo
echo "# ratios (imagefactory / tool; below 1.0 is faster)"
for round in $(seq 1 "$rounds"); do
  printf '%s %s %s %s %s\n' "$round" "$(value imagefactory-cold-pass "$work/ours$round.txt")" \
    "$(value vipsthumbnail "$work/reference$round.txt")" "$(value pillow "$work/reference$round.txt")" \
    "$(value imagemagick "$work/reference$round.txt")"
done > "$work/rounds.txt"
awk '{ printf "round %d cold pass %6d ms: %.2fx libvips-1thread (%d ms), %.2fx Pillow (%d ms), %.2fx ImageMagick\n",
         $1, $2, $2/$3, $3, $2/$4, $4, $2/$5 }' "$work/rounds.txt"
median() { sort -g | awk '{ a[NR] = $1 } END { print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf 'median of %d rounds: cold pass %.2fx libvips-1thread, %.2fx Pillow\n' "$rounds" \
  "$(awk '{ print $2 / $3 }' "$work/rounds.txt" | median)" "$(awk '{ print $2 / $4 }' "$work/rounds.txt" | median)"
warm=$(awk '/^imagefactory-warm-median-sum/ {print $2}' "$work/ours1.txt")
awk -v w="$warm" -v v="$(value vipsthumbnail "$work/reference1.txt")" -v p="$(value pillow "$work/reference1.txt")" \
  -v m="$(value imagemagick "$work/reference1.txt")" 'BEGIN {
  printf "warm sum   %6d ms: %.2fx libvips-1thread, %.2fx Pillow, %.2fx ImageMagick (round 1)\n", w, w/v, w/p, w/m }'

echo
echo "# quality: PSNR (dB) of each output against libvips' own ${width} px thumbnail"
mkdir -p "$work/vips"
VIPS_CONCURRENCY=1 vipsthumbnail -s "${width}x" -o "$work/vips/%s.jpg[Q=$quality,strip]" "$corpus"/* 2>/dev/null
for f in "$work"/vips/*.jpg; do
  n=$(basename "$f")
  printf '%s %s\n' "$n" "$(compare -metric PSNR "$f" "$work/ours/$n" null: 2>&1 || true)"
done | awk '{ printf "  %-45s %s\n", $1, $2; s += $2; n++; if (min == "" || $2 < min) min = $2 }
  END { printf "mean %.2f dB, min %.2f dB over %d files\n", s/n, min, n }'
