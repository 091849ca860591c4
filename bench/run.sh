#!/usr/bin/env bash
# Throughput and latency of the platform's hot paths, on this machine, against a freshly built jar with its own
# embedded PostgreSQL (data in target/bench-data, removed afterwards). Loopback only; each run is bounded in time.
#   bench/run.sh            # prints a Markdown table; copy it into README.md
# Needs wrk (Debian: apt-get install wrk) and the same JDK as ./tongban.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "bench needs wrk: apt-get install wrk" >&2; exit 1; }
PORT=${BENCH_PORT:-18480}
DATA=target/bench-data
rm -rf "$DATA"
./mvnw -B -q -DskipTests package
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' tongban)
JDK=$(find_jdk)
"$JDK/bin/java" -Xmx1g -jar target/tongban.jar --spring.profiles.active=demo --server.port=$PORT \
  --tongban.db.embedded.data-dir=$DATA/postgres --tongban.storage.dir=$DATA/materials \
  --tongban.crypto.master-key-file=$DATA/master.key --logging.level.root=warn > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
B="http://127.0.0.1:$PORT"
TOKEN=
for i in $(seq 1 120); do # the demo accounts exist once the start-up runners are done
  TOKEN=$(curl -s -X POST "$B/api/v1/tokens" -H 'Content-Type: application/json' \
    -d '{"login":"13800000001","password":"Tongban2026"}' 2>/dev/null | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' || true)
  [ -n "$TOKEN" ] && break
  sleep 1
done
[ -n "$TOKEN" ] || { echo "the app did not start; see target/bench-app.log" >&2; exit 1; }
# one case to query
CASE=$(curl -s -X POST "$B/api/v1/applications" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H 'Idempotency-Key: bench-1' -d '{"itemCode":"330782-SCJG-DJ-002","formData":{"applicantName":"张三","applicantCitizenId":"330782199001011239","contactPhone":"13800000001","shopName":"压测小店","businessAddress":"义乌市稠城街道1号","businessScope":"小吃","capital":"5","employees":"2"},"commitments":["premises"]}')
NUMBER=$(echo "$CASE" | sed -n 's/.*"number":"\([^"]*\)".*/\1/p')
QC=$(echo "$CASE" | sed -n 's/.*"queryCode":"\([^"]*\)".*/\1/p')

cat > target/bench-submit.lua <<LUA
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
counter = 0
request = function()
  counter = counter + 1
  local body = '{"itemCode":"330782-SCJG-DJ-002","formData":{"applicantName":"张三","applicantCitizenId":"330782199001011239","contactPhone":"13800000001","shopName":"压测小店' .. counter .. '","businessAddress":"义乌市稠城街道1号","businessScope":"小吃","capital":"5","employees":"2"},"commitments":["premises"]}'
  return wrk.format("POST", "/api/v1/applications", {["Content-Type"]="application/json", ["Authorization"]="Bearer $TOKEN", ["Idempotency-Key"]="wrk-" .. tid .. "-" .. counter}, body)
end
LUA

run() { # name, wrk args…
  local name=$1; shift
  local out; out=$(wrk -t2 -c8 -d${BENCH_SECONDS:-10}s --latency "$@")
  local rps p50 p99 errors
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *//p')
  errors=$(echo "$out" | sed -n 's/^ *Non-2xx or 3xx responses: *//p')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}

echo "| request (2 threads, 8 connections, ${BENCH_SECONDS:-10} s) | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|"
run "GET /api/v1/items (catalog)" "$B/api/v1/items"
run "GET / (portal home page)" "$B/"
run "GET /api/v1/progress (public progress)" "$B/api/v1/progress?number=$NUMBER&queryCode=$QC"
run "GET /api/v1/applications (bearer token)" -H "Authorization: Bearer $TOKEN" "$B/api/v1/applications"
run "POST /api/v1/applications (submit: validate, number, sign, start workflow, audit)" -s target/bench-submit.lua "$B"
echo
echo "Cases created by the submit run: $(curl -s "$B/api/v1/applications" -H "Authorization: Bearer $TOKEN" | grep -o '"number"' | wc -l)"
echo
echo "JVM heap after the run (limit -Xmx1g): $("$JDK/bin/jcmd" $APP GC.heap_info 2>/dev/null | grep -m1 -i 'heap' | sed 's/^ *//')"
echo "Resident memory of the JVM: $(ps -o rss= -p $APP | awk '{printf "%d MiB", $1/1024}')"
