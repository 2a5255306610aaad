#!/usr/bin/env bash
# Benchmarks imagefactory's JPEG decoder against libjpeg-turbo as used by libvips and Pillow, in one run:
#  1. decode only, per scale 1/1..1/8, progressive and baseline files separately, in CPU time: our decoder (one
#     JVM, best of ROUNDS), Pillow draft()+load() (one process, best of ROUNDS), `vips avg FILE[shrink=N]` (a
#     process per file, best of ROUNDS, minus the same command on a 1x1 JPEG);
#  2. progressive files against their baseline repack (jpegtran), our decoder, CPU time;
#  3. the end-to-end WIDTH px task: ../shared/bench/reference.sh (wall time) and the same vipsthumbnail and Pillow
#     commands under /usr/bin/time (CPU time, user+sys) against our CLI (cold JVM, one thread), each run twice
#     interleaved, the better of each counted; and PSNR of our outputs against vipsthumbnail's.
# CPU time is reported next to wall time because on a shared machine wall time also measures the neighbours.
# Usage: bench/jpeg/run.sh CORPUS_DIR [WIDTH] [ROUNDS]      (prints a report; ratios are ours / theirs)
set -euo pipefail
corpus=$(cd "${1:?usage: run.sh CORPUS_DIR [WIDTH] [ROUNDS]}" && pwd); width=${2:-800}; rounds=${3:-3}
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
reference=$root/../shared/bench/reference.sh
jar=$root/cli/target/imagefactory-cli-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -pl cli -am package -DskipTests)
need=()
command -v vips >/dev/null || need+=(libvips-tools)
command -v jpegtran >/dev/null || need+=(libjpeg-turbo-progs)
command -v compare >/dev/null || need+=(imagemagick)
/usr/bin/python3 -c 'import PIL' 2>/dev/null || need+=(python3-pil)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
ms() { date +%s%3N; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

mapfile -t jpegs < <(ls "$corpus"/* | grep -iE '\.jpe?g$')
mapfile -t progressive < <(/usr/bin/python3 "$here/is_progressive.py" "${jpegs[@]}")
baseline=(); for f in "${jpegs[@]}"; do [[ " ${progressive[*]} " == *" $f "* ]] || baseline+=("$f"); done
mkdir -p "$work/repack"; repacked=()
for f in "${progressive[@]}"; do jpegtran -optimize -copy all -outfile "$work/repack/$(basename "$f")" "$f"; repacked+=("$work/repack/$(basename "$f")"); done
/usr/bin/python3 -c 'import PIL.Image; PIL.Image.new("RGB",(1,1)).save("'"$work"'/tiny.jpg")'

ours() { java -cp "$jar" "$here/DecodeBench.java" "$@" | awk '{print $4}'; }
pillow() { /usr/bin/python3 "$here/decode_pillow.py" "$@" | awk '{print $4}'; }
cpu_ms() { /usr/bin/time -f "%U %S" -o "$work/time" "$@" >/dev/null 2>&1; awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/time"; }
vips_decode() {
  local scale=$1 best=999999999 r t f; shift
  for ((r = 0; r < rounds; r++)); do
    t=0
    for f in "$@"; do
      t=$(( t + $(cpu_ms env VIPS_CONCURRENCY=1 vips avg "$f[shrink=$scale]") ))
      t=$(( t - $(cpu_ms env VIPS_CONCURRENCY=1 vips avg "$work/tiny.jpg") ))
    done
    (( t < best )) && best=$t
  done
  echo "$best"
}

echo "# imagefactory JPEG decoder benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "corpus: ${#jpegs[@]} JPEGs (${#progressive[@]} progressive, ${#baseline[@]} baseline); times in ms"
echo
echo "## Decode only, CPU ms (best of $rounds)"
echo "| set | scale | ours | Pillow draft | vips shrink | ours/Pillow | ours/vips |"
echo "|---|---|---|---|---|---|---|"
for set in progressive baseline; do
  declare -n files=$set
  [ ${#files[@]} -gt 0 ] || continue
  for scale in 1 2 4 8; do
    o=$(ours "$scale" "$rounds" "${files[@]}"); p=$(pillow "$scale" "$rounds" "${files[@]}"); v=$(vips_decode "$scale" "${files[@]}")
    echo "| $set | 1/$scale | $o | $p | $v | $(ratio "$o" "$p") | $(ratio "$o" "$v") |"
  done
  unset -n files
done
echo
echo "## Progressive against baseline repack (ours, CPU ms, best of $rounds)"
echo "| scale | progressive | baseline repack | ratio |"
echo "|---|---|---|---|"
for scale in 1 2; do
  a=$(ours "$scale" "$rounds" "${progressive[@]}"); b=$(ours "$scale" "$rounds" "${repacked[@]}")
  echo "| 1/$scale | $a | $b | $(ratio "$a" "$b") |"
done
echo
echo "## End to end: ${width} px JPEG, one thread, the whole corpus (better of 2 runs each)"
wall_vips=999999999; wall_pil=999999999; wall_ours=999999999; cpu_vips=999999999; cpu_pil=999999999; cpu_ours=999999999
min() { (( $1 < $2 )) && echo "$1" || echo "$2"; }
for run in 1 2; do
  while read -r tool total _; do
    case $tool in
      vipsthumbnail-1thread) wall_vips=$(min "$total" "$wall_vips") ;;
      pillow-seed) wall_pil=$(min "$total" "$wall_pil") ;;
    esac
  done < <(bash "$reference" "$corpus" "$width")
  rm -rf "$work/ours"; start=$(ms)
  c=$(cpu_ms java -jar "$jar" --out "$work/ours" --scalex "$width" --encoding jpeg --threads 1 "$corpus")
  wall_ours=$(min $(( $(ms) - start )) "$wall_ours"); cpu_ours=$(min "$c" "$cpu_ours")
  rm -rf "$work/vips"; mkdir -p "$work/vips"
  cpu_vips=$(min "$(cpu_ms env VIPS_CONCURRENCY=1 vipsthumbnail -s "${width}x" -o "$work/vips/%s.jpg[Q=80,strip]" "$corpus"/*)" "$cpu_vips")
  rm -rf "$work/pil"; mkdir -p "$work/pil"
  cpu_pil=$(min "$(cpu_ms /usr/bin/python3 "$root/../shared/bench/seed_pillow.py" "$width" 80 "$work/pil" "$corpus"/*)" "$cpu_pil")
done
echo "| tool | wall ms | CPU ms | ours / tool, wall | ours / tool, CPU |"
echo "|---|---|---|---|---|"
echo "| imagefactory CLI (cold JVM) | $wall_ours | $cpu_ours | 1.00 | 1.00 |"
echo "| vipsthumbnail (1 thread) | $wall_vips | $cpu_vips | $(ratio "$wall_ours" "$wall_vips") | $(ratio "$cpu_ours" "$cpu_vips") |"
echo "| Pillow (seed route) | $wall_pil | $cpu_pil | $(ratio "$wall_ours" "$wall_pil") | $(ratio "$cpu_ours" "$cpu_pil") |"
echo
echo "## PSNR of our ${width} px outputs against vipsthumbnail's"
echo "| file | dB |"
echo "|---|---|"
for f in "$corpus"/*; do
  name=$(basename "$f"); ourfile=$(find "$work/ours/$name" -type f | head -1)
  db=$(compare -metric PSNR "$ourfile" "$work/vips/${name%.*}.jpg" null: 2>&1 | awk '{print $1}') || true
  echo "| $name | $db |"
done | tee "$work/psnr"
awk -F'|' '{ v = $3 + 0; s += v; n++; if (min == "" || v < min) min = v } END { printf "\nmean %.1f dB, min %.1f dB over %d files\n", s / n, min, n }' "$work/psnr"
