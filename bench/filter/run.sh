#!/usr/bin/env bash
# Speed checks for the runtime filter, side by side with nginx in the same run (see docs/performance-filter.md):
#  1. hot: wrk -t2 -c32 -d10s on an 800 px cached variant, served by the filter on Jetty 12 and by nginx from disk;
#  2. cold: 16 concurrent clients asking for variants nobody made yet of the largest corpus photos, -Xmx512m.
# Usage: bench/filter/run.sh [corpus folder, default /work/corpus]. Needs wrk, nginx, curl (installed if missing).
# HOT_ONLY=1 skips the cold part; FILTER_JAVA_OPTS adds options to the server's JVM (a profiler, for example:
# -XX:StartFlightRecording=filename=/tmp/filter.jfr,dumponexit=true).
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-/work/corpus}
work=$(mktemp -d /tmp/imagefactory-filter-bench.XXXXXX)
filter_port=18080
nginx_port=18081
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk nginx curl >/dev/null; }
done

mvn -B -q -o install -pl runtime-filter -DskipTests
mvn -B -q -o -pl runtime-filter dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.excludeArtifactIds=tomcat-embed-core -Dmdep.outputFile="$work/cp.txt"
classpath="runtime-filter/target/classes:$(cat "$work/cp.txt")"

# The web app: every corpus photo under /pictures, 800 px allowed on the ladder, the cache in $work/cache.
app=$work/app
mkdir -p "$app/pictures" "$app/WEB-INF"
cp "$corpus"/*.jpg "$corpus"/*.png "$app/pictures/" 2>/dev/null || true
cat > "$app/WEB-INF/web.xml" <<XML
<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
  <context-param><param-name>imagefactory.cacheDir</param-name><param-value>$work/cache</param-value></context-param>
  <context-param><param-name>imagefactory.sizePolicy</param-name><param-value>any</param-value></context-param>
</web-app>
XML

java -Xmx512m -XX:+ExitOnOutOfMemoryError ${FILTER_JAVA_OPTS:-} -Xlog:gc:file="$work/gc.log" -cp "$classpath" bench/filter/JettyServe.java "$app" $filter_port \
  > "$work/jetty.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$filter_port/" && break; sleep 0.3; done

hot=rhythm.jpg
url="http://127.0.0.1:$filter_port/picture/$hot?scalex=800"
curl -s -o /dev/null -D - "$url" | grep -i '^server-timing'
variant=$(find "$work/cache/$hot" -name 'x-800-*' | head -1)
echo "cached variant: $variant ($(stat -c %s "$variant") bytes)"

mkdir -p "$work/nginx/html" "$work/nginx/logs"
cp "$variant" "$work/nginx/html/variant.jpeg"
cp "$variant" "$app/variant.jpeg"
cat > "$work/nginx/nginx.conf" <<CONF
user root;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { image/jpeg jpeg jpg; }
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/html; }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 1

echo "== warm-up (JIT) =="
wrk -t2 -c32 -d10s "$url" > /dev/null
wrk -t2 -c32 -d5s "http://127.0.0.1:$filter_port/variant.jpeg" > /dev/null
curl -s -o /dev/null -w 'nginx answers %{http_code}, %{size_download} bytes\n' "http://127.0.0.1:$nginx_port/variant.jpeg"
for round in 1 2; do
  echo "== round $round: filter on Jetty =="
  wrk -t2 -c32 -d10s "$url" | tee "$work/filter-$round.txt" | grep -E 'Requests/sec|Latency|Transfer'
  echo "== round $round: Jetty's default servlet, same file as a static resource =="
  wrk -t2 -c32 -d10s "http://127.0.0.1:$filter_port/variant.jpeg" | tee "$work/jetty-$round.txt" \
    | grep -E 'Requests/sec|Latency|Transfer'
  echo "== round $round: nginx =="
  wrk -t2 -c32 -d10s "http://127.0.0.1:$nginx_port/variant.jpeg" | tee "$work/nginx-$round.txt" \
    | grep -E 'Requests/sec|Latency|Transfer'
done
for round in 1 2; do
  f=$(awk '/Requests\/sec/{print $2}' "$work/filter-$round.txt")
  j=$(awk '/Requests\/sec/{print $2}' "$work/jetty-$round.txt")
  n=$(awk '/Requests\/sec/{print $2}' "$work/nginx-$round.txt")
  echo "round $round: filter $f req/s, Jetty static $j req/s, nginx $n req/s;" \
    "filter/nginx $(awk -v f="$f" -v n="$n" 'BEGIN{printf "%.2f", f/n}')," \
    "filter/Jetty static $(awk -v f="$f" -v j="$j" 'BEGIN{printf "%.2f", f/j}')"
done

[ "${HOT_ONLY:-}" = 1 ] && exit 0
echo "== cold misses: 16 concurrent clients, largest photos, widths nobody asked for yet =="
largest=$(cd "$app/pictures" && ls -S | head -6)
echo "sources: $largest" | tr '\n' ' '; echo
: > "$work/cold-urls.txt"
for photo in $largest; do
  for width in 301 457 613 769 925 1081 1237 1393; do
    echo "http://127.0.0.1:$filter_port/picture/$photo?scalex=$width&encoding=webp" >> "$work/cold-urls.txt"
  done
done
start=$(date +%s.%N)
xargs -P16 -n1 curl -s -o /dev/null -w '%{http_code}\n' < "$work/cold-urls.txt" | sort | uniq -c | tee "$work/cold-status.txt"
end=$(date +%s.%N)
echo "cold: $(wc -l < "$work/cold-urls.txt") requests in $(awk -v s="$start" -v e="$end" 'BEGIN{printf "%.1f", e-s}') s"
if grep -q OutOfMemoryError "$work/jetty.log"; then echo "OutOfMemoryError in the server log"; exit 1; fi
curl -s -o /dev/null -w 'server still answering: %{http_code}\n' "$url"
echo "largest heap after a GC (MB): $(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)"
echo "results kept in $work"
