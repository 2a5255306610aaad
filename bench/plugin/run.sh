#!/usr/bin/env bash
# imagefactory:generate against a per-output vipsthumbnail script, side by side in one session.
# Usage: bench/plugin/run.sh [CORPUS_DIR] [ROUNDS]
#   CORPUS_DIR  default: a corpus built with ../shared/bench/corpus.sh under bench/plugin/target/corpus
#   ROUNDS      default 3; each round runs both tools once, alternating which goes first
# Needs the plugin installed in the local repository (mvn -B install -pl shared,maven-plugin -DskipTests).
# Prints per round: the plugin's own time (its summary line), the whole `mvn` run, vipsthumbnail via `xargs -P2`
# (one process per output, as a shell script would), and the ratios; then the CPU time (user + system) of the whole
# `mvn` run and of the vipsthumbnail script, which a busy machine disturbs less than wall time; then the peak heap
# in use (from the GC log). MAVEN_OPTS is -Xmx512m unless set, so the run also shows that the heap holds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$here/target"
corpus=${1:-}
rounds=${2:-3}
if [ -z "$corpus" ]; then
  corpus="$work/corpus"
  [ -d "$corpus" ] || bash "$root/../shared/bench/corpus.sh" "$corpus"
fi
corpus=$(cd "$corpus" && pwd)
command -v vipsthumbnail >/dev/null || {
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libvips-tools >/dev/null
}
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -1)
widths=(320 800 1600)

project="$work/project"
rm -rf "$project" && mkdir -p "$project"
variants=""
for w in "${widths[@]}"; do
  variants+="<variant><scalex>$w</scalex><encoding>jpeg</encoding></variant>"
done
cat > "$project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>plugin-bench</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>org.imagefactory</groupId>
        <artifactId>imagefactory-maven-plugin</artifactId>
        <version>$version</version>
        <configuration>
          <sourceDirectory>$corpus</sourceDirectory>
          <outputDirectory>\${project.build.directory}/variants</outputDirectory>
          <threads>2</threads>
          <variants>$variants</variants>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
POM

ms() { date +%s%3N; }
# CPU time (user + system) of everything a timed command ran, from bash's `time` with TIMEFORMAT='%U %S'.
TIMEFORMAT='%U %S'
cpu_ms() { awk '{ printf "%d", ($1 + $2) * 1000 }' "$1"; }
export MAVEN_OPTS=${MAVEN_OPTS:--Xmx512m}

plugin_round() {
  rm -rf "$project/target"
  local t log
  log="$work/plugin.log"
  t=$(ms)
  rm -f "$work/gc.log"
  (cd "$project" && MAVEN_OPTS="$MAVEN_OPTS -Xlog:gc:file=$work/gc.log" \
      mvn -B -o org.imagefactory:imagefactory-maven-plugin:"$version":generate) > "$log" 2>&1 \
      || { cat "$log"; exit 1; }
  # Peak heap: the most ever in use when a collection started ("123M->45M(512M)").
  peak_heap=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$work/gc.log" | cut -dM -f1 | sort -n | tail -1)
  plugin_wall=$(( $(ms) - t ))
  # The summary line ends with the plugin's own time: "...; 6.1 s".
  plugin_self=$(sed -n 's/.*\[imagefactory\] .* generated, .*; \([0-9.]*\) s$/\1/p' "$log" | awk '{ printf "%d", $1 * 1000 }')
  [ -n "$plugin_self" ] || { cat "$log"; exit 1; }
  count=$(find "$project/target/variants" -name '*.jpeg' | wc -l)
  [ "$count" -eq 60 ] || { echo "plugin wrote $count files, expected 60"; exit 1; }
}

vips_round() {
  local out="$work/vips"
  rm -rf "$out" && mkdir -p "$out"
  local t
  t=$(ms)
  { time (for f in "$corpus"/*; do
    for w in "${widths[@]}"; do
      printf '%s\0%s\0%s\0' "$f" "$w" "$out/$(basename "$f")-$w.jpg[Q=80,strip]"
    done
  done | xargs -0 -n3 -P2 sh -c 'vipsthumbnail "$0" -s "${1}x" -o "$2" 2>/dev/null') ; } 2> "$work/vips.cpu"
  vips_wall=$(( $(ms) - t ))
  vips_cpu=$(cpu_ms "$work/vips.cpu")
  count=$(find "$out" -name '*.jpg' | wc -l)
  [ "$count" -eq 60 ] || { echo "vipsthumbnail wrote $count files, expected 60"; exit 1; }
}

echo "corpus: $(ls "$corpus" | wc -l) files, widths ${widths[*]} as JPEG, 2 threads, MAVEN_OPTS=$MAVEN_OPTS"
printf '%-5s %9s %8s %8s %11s %8s | %8s %8s %8s | %7s\n' round plugin_ms mvn_ms vips_ms plugin/vips mvn/vips \
  mvn_cpu vips_cpu cpu_ratio heap_MB
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then plugin_round; vips_round; else vips_round; plugin_round; fi
  printf '%-5s %9s %8s %8s %11.2f %8.2f | %8s %8s %9.2f | %7s\n' "$r" "$plugin_self" "$plugin_wall" "$vips_wall" \
    "$(echo "$plugin_self / $vips_wall" | bc -l)" "$(echo "$plugin_wall / $vips_wall" | bc -l)" \
    "$plugin_cpu" "$vips_cpu" "$(echo "$plugin_cpu / $vips_cpu" | bc -l)" "${peak_heap:-0}"
done
