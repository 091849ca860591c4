#!/usr/bin/env bash
# Durability under kill -9, on this machine (loopback only, bounded in time):
#   bench/kill9.sh app   [KILLS] [SECONDS]  kill -9 the application KILLS times, SECONDS apart, during a submission load
#   bench/kill9.sh db    [KILLS] [SECONDS]  kill -9 the embedded PostgreSQL instead, and start it again by hand
# Four clients submit cases with unique Idempotency-Keys, each body derived from its key. Afterwards every key is
# sent again with the same body: every key answered 201 before must give back the same case, every key that was in
# flight at a kill gives back its case or creates it now, and no case exists twice. Prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-app}; KILLS=${2:-5}; GAP=${3:-8}; CLIENTS=${CLIENTS:-4}
PORT=${BENCH_PORT:-18490}; DATA=target/kill9-data; LOG=target/kill9-log
rm -rf "$DATA" "$LOG"; mkdir -p "$LOG"
[ -f target/tongban.jar ] || ./mvnw -B -q -DskipTests package
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' tongban)
JDK=$(find_jdk)
B="http://127.0.0.1:$PORT"
APP=
start_app() {
  "$JDK/bin/java" -Xmx768m -jar target/tongban.jar --spring.profiles.active=demo --server.port=$PORT \
    --tongban.db.embedded.data-dir=$DATA/postgres --tongban.storage.dir=$DATA/materials \
    --tongban.crypto.master-key-file=$DATA/master.key --logging.level.root=warn >> "$LOG/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$B/actuator/health/readiness")" = 200 ] && return 0
    sleep 1
  done
  echo "the application did not become ready; see $LOG/app.log" >&2; exit 1
}
cleanup() { touch "$LOG/stop"; kill "$APP" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
start_app
TOKEN=$(curl -s -X POST "$B/api/v1/tokens" -H 'Content-Type: application/json' \
  -d '{"login":"13800000001","password":"Tongban2026"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "no token" >&2; exit 1; }
body() { # the one body of a key
  echo '{"itemCode":"330782-SCJG-DJ-002","commitments":["premises"],"formData":{"applicantName":"张三","applicantCitizenId":"330782199001011239","contactPhone":"13800000001","shopName":"压测'"$1"'","businessAddress":"义乌市稠城街道1号","businessScope":"小吃","capital":"5","employees":"2"}}'
}
submit() { # key -> "status id"
  local out code
  out=$(curl -s -m 20 -w '\n%{http_code}' -X POST "$B/api/v1/applications" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: $1" -d "$(body "$1")" || true)
  code=$(echo "$out" | tail -n1)
  echo "$code $(echo "$out" | sed -n 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/p' | head -n1)"
}
client() {
  local n=0
  while [ ! -f "$LOG/stop" ]; do
    n=$((n + 1)); local key="k9-$1-$n"
    echo "SENT $key" >> "$LOG/client-$1"
    read -r code id <<< "$(submit "$key")"
    echo "GOT $key $code $id" >> "$LOG/client-$1"
    [ "$code" = 201 ] || sleep 0.5
  done
}
for c in $(seq 1 "$CLIENTS"); do client "$c" & done
for k in $(seq 1 "$KILLS"); do
  sleep "$GAP"
  if [ "$MODE" = app ]; then
    kill -9 "$APP"; wait "$APP" 2>/dev/null || true
    start_app # stops the orphaned PostgreSQL of the killed run and starts its own on the same data
  else
    PM=$(head -n1 "$DATA/postgres/postmaster.pid"); PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
    PGBIN=$(dirname "$(readlink -f /proc/$PM/exe)")
    kill -9 "$PM"
    sleep 1
    READY=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$B/actuator/health/readiness" || true)
    echo "readiness while the database is down: $READY" | tee -a "$LOG/summary"
    rm -f "$DATA/postgres/postmaster.pid"
    "$PGBIN/pg_ctl" -D "$DATA/postgres" -l "$LOG/pg.log" -o "-p $PGPORT -c fsync=on -c synchronous_commit=on" -w start >/dev/null
    for _ in $(seq 1 30); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "$B/actuator/health/readiness")" = 200 ] && break; sleep 1
    done
  fi
done
sleep "$GAP"; touch "$LOG/stop"; sleep 3
# every key again, same body
acked=0; lost=0; retried=0; declare -A case_of
for f in "$LOG"/client-*; do
  while read -r what key code id; do
    [ "$what" = SENT ] && continue
    [ "$code" = 201 ] && acked=$((acked + 1))
    read -r rcode rid <<< "$(submit "$key")"
    retried=$((retried + 1))
    if [ "$code" = 201 ] && [ "$rid" != "$id" ]; then lost=$((lost + 1)); echo "LOST $key $id -> $rcode $rid" >> "$LOG/summary"; fi
    if [ -n "$rid" ]; then
      [ -n "${case_of[$rid]:-}" ] && [ "${case_of[$rid]}" != "$key" ] && echo "SHARED $rid" >> "$LOG/summary"
      case_of[$rid]=$key
    fi
  done < <(grep '^GOT' "$f")
done
echo "mode=$MODE kills=$KILLS clients=$CLIENTS acknowledged=$acked retried=$retried distinct_cases=${#case_of[@]} lost_or_changed=$lost" | tee -a "$LOG/summary"
