#!/usr/bin/env bash
# Crop benchmark: 300 x 300 fit=cover (center, attention, entropy) against 300 px inside, on the corpus photos
# enlarged to 24 MP, and against libvips' `vipsthumbnail --smartcrop attention` on the same files in the same run.
# usage: bench/crop.sh [COUNT]      (needs root for apt-get the first time)
set -euo pipefail
count=${1:-6}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_DIR:-$root/../shared}
corpus=${CORPUS:-$root/target/bench-corpus}
big=$root/target/bench-24mp
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

. "$root/bench/packages.sh"
install_packages "${CORPUS_PACKAGES[@]}" libvips-tools imagemagick
ensure_corpus "$corpus" "$shared"
if [ "$(ls "$big" 2>/dev/null | wc -l)" -lt "$count" ]; then
  mkdir -p "$big"
  for f in $(ls "$corpus"/*.jpg | head -n "$count"); do
    convert "$f" -resize '6000x4000!' -quality 90 "$big/$(basename "$f")"
  done
fi

(cd "$root" && mvn -B -q install -DskipTests -pl cli -am && mvn -B -q compile -pl bench)
cli="$root/cli/target/imagefactory-cli-0.1.0-SNAPSHOT.jar"
ms() { date +%s%3N; }
files=("$big"/*.jpg)
echo "# ${#files[@]} files of 6000x4000 (24 MP), one process each, one thread"
run() { local name=$1; shift; local t; t=$(ms); "$@" >/dev/null 2>&1; echo "$name $(( $(ms) - t ))"; }
for round in 1 2 3; do
  mkdir -p "$work/v$round" "$work/i$round" "$work/c$round" "$work/vi$round"
  run vips-inside-300 env VIPS_CONCURRENCY=1 vipsthumbnail -s 300x300 -o "$work/vi$round/%s.jpg[Q=80,strip]" "${files[@]}"
  run vips-attention-300x300 env VIPS_CONCURRENCY=1 vipsthumbnail -s 300x300 --smartcrop attention \
    -o "$work/v$round/%s.jpg[Q=80,strip]" "${files[@]}"
  run imagefactory-inside-300 java -jar "$cli" --threads 1 --out "$work/i$round" --scalex 300 --scaley 300 "${files[@]}"
  run imagefactory-attention-300x300 java -jar "$cli" --threads 1 --out "$work/c$round" --scalex 300 --scaley 300 \
    --fit cover --gravity attention "${files[@]}"
done > "$work/cold.txt"
median() { sort -g | awk '{ a[NR] = $1 } END { print a[(NR + 1) / 2] }'; }
m() { awk -v k="$1" '$1 == k { print $2 }' "$work/cold.txt" | median; }
printf 'cold (JVM start included), median of 3 rounds:\n'
printf '  imagefactory cover+attention %5d ms = %.2fx its inside (%d ms), %.2fx vipsthumbnail --smartcrop attention (%d ms; vips inside %d ms)\n' \
  "$(m imagefactory-attention-300x300)" "$(echo "$(m imagefactory-attention-300x300) $(m imagefactory-inside-300)" | awk '{print $1/$2}')" \
  "$(m imagefactory-inside-300)" "$(echo "$(m imagefactory-attention-300x300) $(m vips-attention-300x300)" | awk '{print $1/$2}')" \
  "$(m vips-attention-300x300)" "$(m vips-inside-300)"
java -cp "$cli:$root/bench/target/classes" org.imagefactory.bench.CropBenchmark "$big" 7
echo
echo "# quality: PSNR (dB) of our 300 x 300 center cover against vipsthumbnail --smartcrop centre"
mkdir -p "$work/vc" "$work/oc"
VIPS_CONCURRENCY=1 vipsthumbnail -s 300x300 --smartcrop centre -o "$work/vc/%s.png" "${files[@]}" 2>/dev/null
java -jar "$cli" --threads 1 --out "$work/oc" --scalex 300 --scaley 300 --fit cover --encoding png "${files[@]}" >/dev/null
for f in "$work"/vc/*.png; do
  n=$(basename "$f" .png)
  printf '  %-40s %s\n' "$n" "$(compare -metric PSNR "$f" "$work/oc/$n.jpg/x-300-y-300-f-cover-$n.png" null: 2>&1 || true)"
done

echo
echo "# smart gravities: a corpus photo pasted in a corner, cropped to the largest square (docs/DECISIONS.md)"
java -cp "$cli:$root/bench/target/classes" org.imagefactory.core.internal.SmartCropEvaluation "$corpus" | tail -3
