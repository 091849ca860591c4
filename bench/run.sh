#!/usr/bin/env bash
# The platform's benchmark, every figure also as a ratio to references measured a moment before on the same machine
# and the same PostgreSQL 15 server (Debian's package, fsync and synchronous_commit on). Method: bench/README.md.
#
#   bench/run.sh                 quick run: pgbench, flowable, submit, pages, overload (about 10 minutes)
#   bench/run.sh --growth        the same plus the growth stage (loads 100 k and 5 M cases: 70–90 minutes more)
#   bench/run.sh STAGE…          only these stages (pgbench always runs first: it is the reference for the ratios)
#       stages: pgbench flowable submit pages overload growth all
#
# It finds the JDK as ./tongban does (scripts/jdk.sh), installs what it needs with apt when missing (wrk, Debian's
# PostgreSQL 15 server with pgbench), creates a fresh PostgreSQL cluster "tongban-bench" for every run, builds the
# platform and the bare Flowable reference (bench/flowable-rest), and stops everything it started when it ends.
# Results: printed, and written to bench/results/<date>.md (<date>-<time>.md for a later run the same day): a
# Markdown table to paste into README.md.
# Environment: BENCH_SECONDS (15) length of each measurement, BENCH_PG_PORT (55432), BENCH_PORT (18480),
#              BENCH_GROWTH_SIZES ("100000 5000000"), BENCH_SKIP_BUILD=1 (reuse target/tongban.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source scripts/jdk.sh
use_jdk

SECONDS_EACH=${BENCH_SECONDS:-15}
PG_VERSION=15
PG_CLUSTER=tongban-bench
PG_PORT=${BENCH_PG_PORT:-55432}
PG_PASSWORD=bench
APP_PORT=${BENCH_PORT:-18480}
FLOWABLE_PORT=$((APP_PORT + 15))
WORK=$ROOT/target/bench
STARTED_AT=$(date '+%Y-%m-%d %H:%M')
RESULTS=$ROOT/bench/results/$(date +%F).md
[ -e "$RESULTS" ] && RESULTS=$ROOT/bench/results/$(date +%F-%H%M).md # a second run the same day keeps the first
mkdir -p "$WORK" "$ROOT/bench/results"

# ---------- stages selected ----------
stages=()
growth=false
for a in "$@"; do
  case "$a" in
    --growth) growth=true ;;
    pgbench|flowable|submit|pages|overload|growth) stages+=("$a") ;;
    all) stages+=(flowable submit pages overload growth) ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown stage or option: $a (see bench/run.sh --help)" >&2; exit 2 ;;
  esac
done
[ ${#stages[@]} -eq 0 ] && stages=(flowable submit pages overload)
$growth && stages+=(growth)
want() { local s; for s in "${stages[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# ---------- what it needs ----------
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
ensure_packages() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  [ -x "$PG_BIN/pgbench" ] && [ -x "$PG_BIN/postgres" ] && command -v pg_createcluster >/dev/null 2>&1 \
    || missing+=(postgresql-$PG_VERSION postgresql-client-$PG_VERSION)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} (apt-get)…"
    local had_main=false
    pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$PG_VERSION main" && had_main=true
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    # Debian's package creates and starts a cluster "main"; the bench uses its own, so stop the one it just made
    $had_main || pg_ctlcluster "$PG_VERSION" main stop >/dev/null 2>&1 || true
  else
    echo "The bench needs: ${missing[*]} (Debian: apt-get install ${missing[*]})." >&2
    exit 1
  fi
}
ensure_packages

# ---------- cleanup: everything this run started ----------
APP_PID= FLOWABLE_PID=
stop_pid() { # pid: TERM, then KILL after 20 s
  local pid=$1 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  stop_pid "$APP_PID"; stop_pid "$FLOWABLE_PID"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------- results ----------
ROWS=()   # Markdown table rows
NOTES=()  # lines under the table
row() { ROWS+=("| $1 | $2 | ${3:--} | ${4:--} | ${5:--} |"); echo "  → $1: $2 (× pgbench ${3:--}, × Flowable ${4:--}; target ${5:--})"; }
note() { NOTES+=("$1"); }
say() { echo "== $*"; }
fmt() { awk -v v="$1" 'BEGIN { if (v == "" || v == "-") print "-"; else if (v >= 100) printf "%.0f", v; else if (v >= 10) printf "%.1f", v; else printf "%.2f", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b == 0) print "-"; else { r = a / b; if (r >= 10) printf "%.0f×", r; else if (r >= 0.1) printf "%.2f×", r; else printf "%.2f %%", r * 100 } }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b == 0) print "-"; else printf "%.1f %%", 100 * a / b }'; }
# a value from a "KEY k=v …" line of Bench.java
kv() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -n1; }

# ---------- PostgreSQL 15: one fresh, durable cluster for every run ----------
psql_su() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }
pg_start() {
  say "PostgreSQL $PG_VERSION cluster $PG_CLUSTER on port $PG_PORT (fresh)"
  if pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_VERSION $PG_CLUSTER"; then
    pg_dropcluster --stop "$PG_VERSION" "$PG_CLUSTER"
  fi
  pg_createcluster -q --start-conf=manual -p "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >/dev/null
  cat > "/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d/bench.conf" <<CONF
# written by bench/run.sh: durable like production
fsync = on
synchronous_commit = on
full_page_writes = on
listen_addresses = '127.0.0.1'
max_connections = 300
shared_buffers = 1GB
max_wal_size = 4GB
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
pg_stat_statements.track_utility = on
CONF
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  psql_su -d postgres <<SQL
create role tongban login password '$PG_PASSWORD';
create database tongban owner tongban;
create database pgbench owner tongban;
create database flowable owner tongban;
create extension pg_stat_statements;
SQL
  PG_SETTINGS=$(psql_su -d postgres -At -F ' ' -c "select name || '=' || setting from pg_settings
    where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method') order by name" | tr '\n' ' ')
  local overrides
  overrides=$(psql_su -d postgres -At -c "select count(*) from pg_db_role_setting")
  PG_SERVER=$(psql_su -d postgres -At -c "show server_version")
  echo "   PostgreSQL $PG_SERVER: $PG_SETTINGS(per-database or per-role overrides: $overrides)"
  case "$PG_SETTINGS" in *fsync=on*synchronous_commit=on*) ;; *) echo "PostgreSQL is not durable" >&2; exit 1 ;; esac
  [ "$overrides" = 0 ] || { echo "a database or role overrides the durability settings" >&2; exit 1; }
  note "PostgreSQL $PG_SERVER, one cluster for pgbench, the Flowable reference and the platform: $PG_SETTINGS."
}
export PGPASSWORD=$PG_PASSWORD
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U tongban -d tongban "$@"; }

# ---------- reference 1: pgbench ----------
PGBENCH_TPS= PGBENCH_LAT=
stage_pgbench() {
  say "reference 1: pgbench TPC-B-like, scale 10, 8 clients, 2 threads, ${SECONDS_EACH} s"
  "$PG_BIN/pgbench" -q -i -s 10 -h 127.0.0.1 -p "$PG_PORT" -U tongban pgbench > "$WORK/pgbench-init.log" 2>&1
  "$PG_BIN/pgbench" -c 8 -j 2 -T "$SECONDS_EACH" -h 127.0.0.1 -p "$PG_PORT" -U tongban pgbench > "$WORK/pgbench.log" 2>&1
  PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/pgbench.log" | head -n1)
  PGBENCH_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/pgbench.log" | head -n1)
  row "**Reference 1**: pgbench TPC-B-like (scale 10, 8 clients), same PostgreSQL server" \
    "$(fmt "$PGBENCH_TPS") tps, latency average $(fmt "$PGBENCH_LAT") ms" "1" "" ""
  note "× pgbench: a rate divided by pgbench's tps; a latency divided by pgbench's average transaction latency ($(fmt "$PGBENCH_LAT") ms); statements and commits per submission divided by those of one TPC-B transaction (5 statements, 1 commit)."
}

# ---------- building ----------
build_platform() {
  if [ "${BENCH_SKIP_BUILD:-}" = 1 ] && [ -f target/tongban.jar ]; then return; fi
  say "building the platform (./mvnw package, JDK $JAVA_HOME)"
  ./mvnw -B -q -DskipTests package > "$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
}
build_flowable() {
  if [ "${BENCH_SKIP_BUILD:-}" = 1 ] && [ -f bench/flowable-rest/target/flowable-rest-baseline-1.jar ]; then return; fi
  say "building the bare Flowable REST reference (bench/flowable-rest)"
  ./mvnw -B -q -f bench/flowable-rest/pom.xml -DskipTests package > "$WORK/flowable-build.log" 2>&1 \
    || { tail -n 30 "$WORK/flowable-build.log" >&2; exit 1; }
}

# ---------- load clients ----------
BENCH_JAVA=("$JAVA_HOME/bin/java" -Xmx1g "$ROOT/bench/Bench.java")
# wrk with 2 threads and 8 connections; sets W_RPS W_P50 W_P99 W_NON2XX (latencies in ms)
to_ms() { echo "$1" | awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms$/, "", v); else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }'; }
wrk_run() { # seconds, wrk args…
  local seconds=$1; shift
  wrk -t2 -c8 -d3s --timeout 30s "$@" >/dev/null 2>&1 || true # warm-up, not counted
  local out; out=$(wrk -t2 -c8 -d"${seconds}s" --timeout 30s --latency "$@")
  echo "$out" >> "$WORK/wrk.log"
  W_RPS=$(echo "$out" | sed -n 's/^Requests\/sec: *//p')
  W_P50=$(to_ms "$(echo "$out" | awk '$1=="50%"{print $2}')")
  W_P99=$(to_ms "$(echo "$out" | awk '$1=="99%"{print $2}')")
  W_NON2XX=$(echo "$out" | sed -n 's/^ *Non-2xx or 3xx responses: *//p'); W_NON2XX=${W_NON2XX:-0}
  local errs; errs=$(echo "$out" | sed -n 's/^ *Socket errors: *//p')
  [ -n "$errs" ] && W_NON2XX="$W_NON2XX (socket errors: $errs)"
  return 0
}

port_free() { # a server left over from an interrupted run would answer in place of the one this run starts
  if curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$1/"; then
    echo "port $1 is in use (a server left from an earlier run?); stop it or set BENCH_PORT" >&2; exit 1
  fi
}

# ---------- reference 2: bare Flowable REST ----------
FLOWABLE_RATE=
stage_flowable() {
  build_flowable
  say "reference 2: bare Flowable REST starting the three-step process, 8 connections, ${SECONDS_EACH} s"
  port_free "$FLOWABLE_PORT"
  BASELINE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/flowable" BASELINE_DB_USER=tongban BASELINE_DB_PASSWORD=$PG_PASSWORD \
    "$JAVA_HOME/bin/java" -Xmx512m -jar bench/flowable-rest/target/flowable-rest-baseline-1.jar \
    --server.port="$FLOWABLE_PORT" --logging.level.root=warn > "$WORK/flowable.log" 2>&1 &
  FLOWABLE_PID=$!
  local url="http://127.0.0.1:$FLOWABLE_PORT/process-api/runtime/process-instances" i
  for i in $(seq 1 400); do
    curl -sf "http://127.0.0.1:$FLOWABLE_PORT/process-api/repository/process-definitions" >/dev/null 2>&1 && break
    kill -0 "$FLOWABLE_PID" 2>/dev/null || { tail -n 30 "$WORK/flowable.log" >&2; exit 1; }
    sleep 1
  done
  echo '{"processDefinitionKey":"standardApproval"}' > "$WORK/flowable-body.json"
  local args=(--url "$url" --method POST --header 'Content-Type: application/json' --body-file "$WORK/flowable-body.json")
  "${BENCH_JAVA[@]}" closed "${args[@]}" --connections 8 --seconds 5 > /dev/null # warm-up
  local r; r=$("${BENCH_JAVA[@]}" closed "${args[@]}" --connections 8 --seconds "$SECONDS_EACH" | grep '^RESULT')
  echo "   $r"
  FLOWABLE_RATE=$(kv ok_rate "$r")
  row "**Reference 2**: bare Flowable 7.2 REST, start the three-step process (8 connections, same PostgreSQL)" \
    "$(fmt "$FLOWABLE_RATE")/s, p50 $(fmt "$(kv p50 "$r")") ms, p99 $(fmt "$(kv p99 "$r")") ms, errors $(( $(kv requests "$r") - $(kv s2xx "$r") ))" \
    "$(ratio "$FLOWABLE_RATE" "$PGBENCH_TPS")" "1" ""
  stop_pid "$FLOWABLE_PID"; FLOWABLE_PID=
}

# ---------- the platform ----------
B="http://127.0.0.1:$APP_PORT"
TOKEN= STAFF_TOKEN=
start_platform() {
  [ -n "$APP_PID" ] && return
  build_platform
  say "starting the platform on PostgreSQL $PG_VERSION (heap -Xmx512m)"
  port_free "$APP_PORT"
  rm -rf "$WORK/data"
  TONGBAN_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tongban" TONGBAN_DB_USER=tongban TONGBAN_DB_PASSWORD=$PG_PASSWORD \
    TONGBAN_DATA_DIR="$WORK/data" "$JAVA_HOME/bin/java" -Xmx512m -jar target/tongban.jar --spring.profiles.include=demo \
    --server.port="$APP_PORT" --logging.level.root=warn > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  local i
  for i in $(seq 1 400); do # the demo accounts exist once the start-up runners are done
    TOKEN=$(token 13800000001) && [ -n "$TOKEN" ] && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; exit 1; }
    sleep 1
  done
  [ -n "$TOKEN" ] || { echo "the platform did not start; see $WORK/app.log" >&2; exit 1; }
  STAFF_TOKEN=$(token scjg01)
}
token() {
  curl -s -X POST "$B/api/v1/tokens" -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"Tongban2026\"}" \
    2>/dev/null | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' || true
}
# A valid submission: 个体工商户设立登记 by the demo applicant, the shop name numbered by Bench.java (${n})
SUBMIT_BODY=$WORK/submit-body.json
cat > "$SUBMIT_BODY" <<'JSON'
{"itemCode":"330782-SCJG-DJ-002","formData":{"applicantName":"张三","applicantCitizenId":"330782199001011239","contactPhone":"13800000001","shopName":"压测小店${n}","businessAddress":"义乌市稠城街道1号","businessScope":"小吃","capital":"5","employees":"2"},"commitments":["premises"]}
JSON
submit_args() { # key prefix; sets SA, the Bench.java options of a submission
  SA=(--url "$B/api/v1/applications" --method POST --header 'Content-Type: application/json'
    --header "Authorization: Bearer $TOKEN" --body-file "$SUBMIT_BODY" --key-header Idempotency-Key --key-prefix "$1")
}
submit_once() { # idempotency key; prints the response
  sed "s/\${n}/$1/" "$SUBMIT_BODY" | curl -s -X POST "$B/api/v1/applications" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: $1" --data-binary @-
}
RUN_ID=$(date +%s)

# statement, commit and row counters of the tongban database
counters() {
  local calls commits rows
  calls=$(psql_su -d postgres -At -c "select coalesce(sum(calls), 0) from pg_stat_statements s join pg_roles r on r.oid = s.userid
    join pg_database d on d.oid = s.dbid where r.rolname = 'tongban' and d.datname = 'tongban'")
  commits=$(psql_su -d postgres -At -c "select xact_commit from pg_stat_database where datname = 'tongban'")
  rows=$(sql -At -c "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables")
  # transactions that wrote: every one takes a transaction id; reading the snapshot takes none
  xids=$(psql_su -d postgres -At -c "select pg_snapshot_xmax(pg_current_snapshot())")
  echo "$calls $commits $rows $xids"
}
tables_snapshot() { sql -At -F ' ' -c "select schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del, seq_scan, idx_scan from pg_stat_user_tables order by 1"; }

MAX_RATE= HALF_P99=
stage_submit() {
  start_platform
  local first; first=$(submit_once "bench-$RUN_ID-first")
  echo "$first" | grep -q '"number"' || { echo "a submission failed: $first" >&2; exit 1; }
  say "warm-up: submissions for 10 s"
  submit_args "warm-$RUN_ID"; "${BENCH_JAVA[@]}" closed "${SA[@]}" --connections 8 --seconds 10 | grep '^RESULT' | sed 's/^/   /'

  local n=20
  say "SQL statements, commits and rows per submission ($n sequential submissions, minus an idle window as long)"
  psql_su -d postgres -c "select pg_stat_statements_reset()" >/dev/null
  sleep 11 # statistics of idle backends reach the shared counters within 10 s
  local c0 c1 c2 t0 t1 t2 w i
  c0=$(counters); t0=$(date +%s.%N)
  sleep 12; c1=$(counters); t1=$(date +%s.%N) # idle window: the platform's own background work
  tables_snapshot > "$WORK/tables-before.txt"
  for i in $(seq 1 $n); do submit_once "seq-$RUN_ID-$i" | grep -q '"number"' || { echo "submission $i failed" >&2; exit 1; }; done
  sleep 11; c2=$(counters); t2=$(date +%s.%N)
  tables_snapshot > "$WORK/tables-after.txt"
  read -r a0 b0 r0 x0 <<< "$c0"; read -r a1 b1 r1 x1 <<< "$c1"; read -r a2 b2 r2 x2 <<< "$c2"
  local per_stmt per_commit per_rows per_write
  # each counters() and tables_snapshot call adds 1 commit to tongban (their pg_stat_user_tables query)
  per_stmt=$(awk -v a0="$a0" -v a1="$a1" -v a2="$a2" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v n=$n \
    'BEGIN { idle = (a1 - a0) / (t1 - t0); printf "%.1f", ((a2 - a1) - idle * (t2 - t1)) / n }')
  per_commit=$(awk -v a0="$b0" -v a1="$b1" -v a2="$b2" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v n=$n \
    'BEGIN { idle = (a1 - a0 - 1) / (t1 - t0); printf "%.1f", ((a2 - a1 - 2) - idle * (t2 - t1)) / n }')
  per_rows=$(awk -v a0="$r0" -v a1="$r1" -v a2="$r2" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v n=$n \
    'BEGIN { idle = (a1 - a0) / (t1 - t0); printf "%.1f", ((a2 - a1) - idle * (t2 - t1)) / n }')
  per_write=$(awk -v a0="$x0" -v a1="$x1" -v a2="$x2" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v n=$n \
    'BEGIN { idle = (a1 - a0) / (t1 - t0); printf "%.1f", ((a2 - a1) - idle * (t2 - t1)) / n }')
  row "SQL statements per submission (pg_stat_statements, top level, $n sequential)" "$per_stmt" "$(ratio "$per_stmt" 5)" "" "printed"
  row "commits per submission (pg_stat_database; of them writing: new transaction ids)" "$per_commit (writing: $per_write)" \
    "$(ratio "$per_commit" 1)" "" "1"
  row "rows written per submission (pg_stat_user_tables)" "$per_rows" "" "" ""
  per_table_details "$n"

  say "maximum submission rate: 8 connections, ${SECONDS_EACH} s (distinct Idempotency-Keys)"
  local r; r=$(submit_args "max-$RUN_ID"; "${BENCH_JAVA[@]}" closed "${SA[@]}" --connections 8 --seconds "$SECONDS_EACH" | grep '^RESULT')
  echo "   $r"
  MAX_RATE=$(kv ok_rate "$r")
  local errors=$(( $(kv requests "$r") - $(kv s2xx "$r") ))
  row "durable submissions, maximum rate (POST /api/v1/applications, 8 connections, 0 errors required)" \
    "$(fmt "$MAX_RATE")/s, p50 $(fmt "$(kv p50 "$r")") ms, p99 $(fmt "$(kv p99 "$r")") ms, errors $errors" \
    "$(pct "$MAX_RATE" "$PGBENCH_TPS")" "$(ratio "$MAX_RATE" "$FLOWABLE_RATE")" "≥ 30 % of pgbench, 0 errors"

  local half; half=$(awk -v m="$MAX_RATE" 'BEGIN { printf "%.1f", m / 2 }')
  say "p99 at half the maximum rate: $half/s, constant arrival rate, ${SECONDS_EACH}×2 s, latency from the intended send time"
  r=$(submit_args "half-$RUN_ID"; "${BENCH_JAVA[@]}" paced "${SA[@]}" --rate "$half" --seconds $((SECONDS_EACH * 2)) | grep '^RESULT')
  echo "   $r"
  HALF_P99=$(kv p99 "$r")
  row "durable submissions at half the maximum rate ($half/s, constant arrival rate)" \
    "p50 $(fmt "$(kv p50 "$r")") ms, p99 $(fmt "$HALF_P99") ms, errors $(( $(kv requests "$r") - $(kv s2xx "$r") ))" \
    "$(ratio "$HALF_P99" "$PGBENCH_LAT")" "" "p99 < 100 ms"
}

per_table_details() { # n: rows written and scans per submission, by table, for the results file
  DETAILS=$(join "$WORK/tables-before.txt" "$WORK/tables-after.txt" 2>/dev/null | awk -v n="$1" '{
      ins = ($7 - $2) / n; upd = ($8 - $3) / n; del = ($9 - $4) / n; seq = ($10 - $5) / n; idx = ($11 - $6) / n
      if (ins + upd + del + seq + idx > 0) printf "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |\n", $1, ins, upd, del, seq, idx }')
  TOP_STATEMENTS=$(psql_su -d postgres -At -F ' | ' -c "select calls, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
    from pg_stat_statements s join pg_roles r on r.oid = s.userid join pg_database d on d.oid = s.dbid
    where r.rolname = 'tongban' and d.datname = 'tongban' order by calls desc limit 25" | sed 's/^/| /; s/$/ |/')
}

stage_pages() {
  start_platform
  local first; first=$(submit_once "bench-$RUN_ID-pages")
  local number qc
  number=$(echo "$first" | sed -n 's/.*"number":"\([^"]*\)".*/\1/p')
  qc=$(echo "$first" | sed -n 's/.*"queryCode":"\([^"]*\)".*/\1/p')
  [ -n "$number" ] && [ -n "$qc" ] || { echo "no case to look up: $first" >&2; exit 1; }
  say "portal home page GET /, wrk 8 connections, ${SECONDS_EACH} s"
  wrk_run "$SECONDS_EACH" "$B/"
  row "portal home page GET / (wrk, 8 connections)" "$(fmt "$W_RPS")/s, p50 $(fmt "$W_P50") ms, p99 $(fmt "$W_P99") ms, non-2xx $W_NON2XX" \
    "$(ratio "$W_RPS" "$PGBENCH_TPS")" "" "≥ 1,000/s"
  say "public progress GET /api/v1/progress"
  wrk_run "$SECONDS_EACH" "$B/api/v1/progress?number=$number&queryCode=$qc"
  row "public progress GET /api/v1/progress (wrk, 8 connections)" "$(fmt "$W_RPS")/s, p50 $(fmt "$W_P50") ms, p99 $(fmt "$W_P99") ms, non-2xx $W_NON2XX" \
    "$(ratio "$W_P99" "$PGBENCH_LAT")" "" "p99 < 20 ms"
  say "catalog search GET /api/v1/items?q=餐饮"
  wrk_run "$SECONDS_EACH" "$B/api/v1/items?q=%E9%A4%90%E9%A5%AE"
  row "catalog search GET /api/v1/items?q=餐饮 (wrk, 8 connections)" "$(fmt "$W_RPS")/s, p50 $(fmt "$W_P50") ms, p99 $(fmt "$W_P99") ms, non-2xx $W_NON2XX" \
    "$(ratio "$W_P99" "$PGBENCH_LAT")" "" "p99 < 20 ms"
}

stage_overload() {
  start_platform
  if [ -z "$MAX_RATE" ]; then
    say "overload needs the sustainable rate: measuring it (8 connections, ${SECONDS_EACH} s) and the p99 at half of it"
    submit_args "owarm-$RUN_ID"; "${BENCH_JAVA[@]}" closed "${SA[@]}" --connections 8 --seconds 10 >/dev/null
    local r; r=$(submit_args "omax-$RUN_ID"; "${BENCH_JAVA[@]}" closed "${SA[@]}" --connections 8 --seconds "$SECONDS_EACH" | grep '^RESULT')
    MAX_RATE=$(kv ok_rate "$r")
    r=$(submit_args "ohalf-$RUN_ID"; "${BENCH_JAVA[@]}" paced "${SA[@]}" --rate "$(awk -v m="$MAX_RATE" 'BEGIN { print m / 2 }')" \
      --seconds "$SECONDS_EACH" | grep '^RESULT')
    HALF_P99=$(kv p99 "$r")
  fi
  local triple half normal
  triple=$(awk -v m="$MAX_RATE" 'BEGIN { printf "%.1f", 3 * m }')
  half=$(awk -v m="$MAX_RATE" 'BEGIN { printf "%.1f", m / 2 }')
  normal=$(awk -v p="$HALF_P99" 'BEGIN { printf "%.1f", 2 * p }')
  say "overload: $triple/s (3 × $MAX_RATE/s) for 30 s, then $half/s for 60 s (p99 per 5 s; normal = 2 × $HALF_P99 ms)"
  local out; out=$(submit_args "over-$RUN_ID"; "${BENCH_JAVA[@]}" paced "${SA[@]}" --rate "$triple" --seconds 30 --then-rate "$half" \
    --then-seconds 60 --window 5 --normal-p99 "$normal" --timeout 30 --acked-file "$WORK/acked.txt")
  echo "$out" | sed 's/^/   /'
  local r rec
  r=$(echo "$out" | grep '^RESULT ')
  rec=$(echo "$out" | sed -n 's/^RECOVERY .*recovered_after=//p')
  local acked present
  acked=$(grep -c . "$WORK/acked.txt" || true)
  sql -q -c "create temporary table acked (number text)" -c "\\copy acked from '$WORK/acked.txt'" \
    -At -c "select count(*) from acked join application.application a using (number)" > "$WORK/present.txt"
  present=$(tail -n1 "$WORK/present.txt")
  row "overload: $triple/s offered for 30 s (3 × the maximum rate)" \
    "2xx $(kv s2xx "$r"), 429 $(kv s429 "$r"), 503 $(kv s503 "$r"), other 5xx $(kv s5xx "$r"), timeouts (30 s) $(kv timeouts "$r"), other $(( $(kv other "$r") + $(kv errors "$r") ))" \
    "" "" "no 5xx but fast 429/503"
  if [ "$(kv rej_p50 "$r")" = - ]; then
    row "overload: latency of the 429/503 rejections" "none rejected" "" "" "fast"
  else
    row "overload: latency of the 429/503 rejections" "p50 $(kv rej_p50 "$r") ms, p99 $(kv rej_p99 "$r") ms, max $(kv rej_max "$r") ms" \
      "$(ratio "$(kv rej_p99 "$r")" "$PGBENCH_LAT")" "" "fast"
  fi
  row "overload: latency of all requests (from the intended send time)" "p50 $(fmt "$(kv p50 "$r")") ms, p99 $(fmt "$(kv p99 "$r")") ms" "" "" ""
  row "overload: acknowledged (2xx) submissions, overload and recovery phases, found in the database afterwards" \
    "$present of $acked" "" "" "all"
  row "overload: p99 back to normal (≤ 2 × the half-rate p99, no errors) after the overload ended" \
    "$( [ "$rec" = never ] && echo "not within 60 s" || echo "after $rec s")" "" "" "within 60 s"
}

stage_growth() {
  start_platform
  source "$ROOT/bench/growth.sh"
  growth_stage
}

memory_row() {
  [ -n "$APP_PID" ] || return 0
  local heap rss hwm
  heap=$("$JAVA_HOME/bin/jcmd" "$APP_PID" GC.heap_info 2>/dev/null | awk '/total/ {
      for (i = 1; i <= NF; i++) { if ($i == "committed") c = $(i + 1); if ($i == "used") u = $(i + 1) }
      gsub(/[K,]/, "", c); gsub(/[K,]/, "", u); printf "%d MiB used of %d MiB committed", u / 1024, c / 1024; exit }' || true)
  rss=$(awk '/^VmRSS/ { printf "%d MiB", $2 / 1024 }' "/proc/$APP_PID/status")
  hwm=$(awk '/^VmHWM/ { printf "%d MiB", $2 / 1024 }' "/proc/$APP_PID/status")
  row "platform memory after the load (-Xmx512m)" "heap ${heap:-?} (max 512 MiB); resident $rss (peak $hwm)" "" "" "runs in a 512 MiB heap"
}

# ---------- the run (one function, so that bash has read all of it before it starts) ----------
main() {
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "Bench run $STARTED_AT: stages ${stages[*]}; JDK $JAVA_HOME; $(nproc) cores; load average $LOAD_BEFORE"
  pg_start
  stage_pgbench
  want flowable && stage_flowable
  want submit && stage_submit
  want pages && stage_pages
  want overload && stage_overload
  want growth && stage_growth
  memory_row
  if [ -n "$APP_PID" ] && grep -q ' ERROR ' "$WORK/app.log"; then
    note "The platform logged $(grep -c ' ERROR ' "$WORK/app.log") ERROR lines (first: $(grep -m1 ' ERROR ' "$WORK/app.log" | cut -c1-200))."
  fi

  {
    echo "### Bench run $STARTED_AT ($(nproc) cores, $(uname -m), stages: ${stages[*]}; load average at the start $LOAD_BEFORE, at the end $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    echo "| figure | measured | × pgbench | × Flowable | target (issue 12) |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    printf -- '- %s\n' "${NOTES[@]}"
    if [ -n "${DETAILS:-}" ]; then
      echo
      echo "<details><summary>Per submission, by table (rows inserted, updated, deleted; sequential and index scans)</summary>"
      echo
      echo "| table | ins | upd | del | seq scans | idx scans |"
      echo "|---|---|---|---|---|---|"
      echo "$DETAILS"
      echo
      echo "Most frequent statements during the sequential submissions (calls, statement):"
      echo
      echo "| calls | statement |"
      echo "|---|---|"
      echo "$TOP_STATEMENTS"
      echo
      echo "</details>"
    fi
    [ -n "${GROWTH_DETAILS:-}" ] && { echo; echo "$GROWTH_DETAILS"; }
  } > "$RESULTS.tmp"
  mv "$RESULTS.tmp" "$RESULTS"
  echo
  cat "$RESULTS"
  echo
  echo "Written to ${RESULTS#$ROOT/}"
}
main; exit
