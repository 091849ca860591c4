# The growth stage of bench/run.sh (sourced by it; uses its functions and variables). On a fresh database it makes
# template cases through the API, loads 100 k and then 5 M cases with bench/growth.sql, and after each load measures
# the reads that must stay flat: the staff inbox (API and page), public progress, and 我的办件 (API and page).
GROWTH_SIZES=(${BENCH_GROWTH_SIZES:-100000 5000000})
GROWTH_OPEN_PERCENT=${BENCH_OPEN_PERCENT:-2}
GROWTH_PER_DAY=5000

session_cookie() { # login → the SESSION cookie of a signed-in browser
  local jar="$WORK/cookies-$1" csrf
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "$B/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=Tongban2026" \
    --data-urlencode "_csrf=$csrf" "$B/login"
  awk '$6 == "SESSION" { print $7 }' "$jar"
}

task_of() { # application id → its open task id in scjg01's inbox
  curl -s -H "Authorization: Bearer $STAFF_TOKEN" "$B/api/v1/tasks" | grep -o "\"taskId\":\"[^\"]*\",\"applicationId\":\"$1\"" \
    | head -n1 | cut -d'"' -f4
}

growth_templates() { # open cases waiting at 受理 and concluded ones, made as a user would
  local i id outcome task
  for i in 1 2 3 4; do
    submit_once "tmpl-open-$i" | grep -q '"number"' || { echo "template submission failed" >&2; exit 1; }
    id=$(submit_once "tmpl-done-$i" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
    for outcome in accept agree approve; do
      task=$(task_of "$id")
      [ -n "$task" ] || { echo "no task for template case $id" >&2; exit 1; }
      curl -sf -X POST -H "Authorization: Bearer $STAFF_TOKEN" -H 'Content-Type: application/json' \
        -d "{\"outcome\":\"$outcome\",\"comment\":\"bench\"}" "$B/api/v1/tasks/$task/completion" >/dev/null \
        || { echo "completing $outcome of template case $id failed" >&2; exit 1; }
    done
  done
  sql -q -f bench/growth.sql
  sql -q -c "call bench.record_templates()"
  echo "   templates: $(sql -At -c "select string_agg(kind || ' ' || n, ', ') from (select kind, count(*) n from bench.tmpl group by kind) x"),
   items: $(sql -At -c "select count(*) from bench.item")"
}

# closed loop, 2 connections: sets G_P50 G_P99 G_N G_ERR
growth_read() { # Bench.java options…
  "${BENCH_JAVA[@]}" closed "$@" --connections 2 --seconds 3 --timeout 60 >/dev/null # warm-up
  local r; r=$("${BENCH_JAVA[@]}" closed "$@" --connections 2 --seconds "$SECONDS_EACH" --timeout 60 | grep '^RESULT')
  echo "     $r"
  G_P50=$(kv p50 "$r"); G_P99=$(kv p99 "$r"); G_N=$(kv requests "$r"); G_ERR=$(( $(kv requests "$r") - $(kv s2xx "$r") ))
}

declare -A GROWTH
growth_measure() { # label
  local size=$1 staff_session applicant_session tasks
  staff_session=$(session_cookie scjg01)
  applicant_session=$(session_cookie 13800000001)
  tasks=$(curl -s --max-time 120 -H "Authorization: Bearer $STAFF_TOKEN" "$B/api/v1/tasks" | grep -o '"taskId"' | wc -l)
  GROWTH[$size,tasks]=$tasks
  sql -At -F ' ' -c "select number, query_code from application.application tablesample system (1) limit 200" \
    | awk -v b="$B" '{ print b "/api/v1/progress?number=" $1 "&queryCode=" $2 }' > "$WORK/progress-urls.txt"
  say "growth at $size cases: reads (2 connections, ${SECONDS_EACH} s each; scjg01's inbox holds $tasks tasks)"
  local what
  # the inbox last: when it exhausts the heap, the other reads have been measured already
  for what in progress mine-api mine-page inbox-api inbox-page; do
    echo "   $what"
    case $what in
      inbox-api) growth_read --url "$B/api/v1/tasks" --header "Authorization: Bearer $STAFF_TOKEN" ;;
      inbox-page) growth_read --url "$B/staff/tasks" --header "Cookie: SESSION=$staff_session" ;;
      progress) growth_read --url-file "$WORK/progress-urls.txt" ;;
      mine-api) growth_read --url "$B/api/v1/applications" --header "Authorization: Bearer $TOKEN" ;;
      mine-page) growth_read --url "$B/my/applications" --header "Cookie: SESSION=$applicant_session" ;;
    esac
    GROWTH[$size,$what]="$G_P50 $G_P99 $G_N $G_ERR"
  done
}

growth_stage() {
  say "growth: a fresh database and platform, template cases through the API"
  stop_pid "$APP_PID"; APP_PID=
  psql_su -d postgres -c "drop database if exists tongban with (force)" -c "create database tongban owner tongban" >/dev/null
  start_platform
  growth_templates
  local loaded=0 size t0 minutes base
  base=$(date -d yesterday +%F)
  local load_notes=()
  for size in "${GROWTH_SIZES[@]}"; do
    say "growth: loading cases $loaded to $size ($GROWTH_OPEN_PERCENT % open) — server-side, 50,000 a transaction"
    t0=$(date +%s)
    sql -q -c "set client_min_messages = warning" \
      -c "call bench.load($loaded, $size, $GROWTH_OPEN_PERCENT, $GROWTH_PER_DAY, date '$base')"
    sql -q -c "vacuum (analyze)" 2>/dev/null
    minutes=$(awk -v s=$(( $(date +%s) - t0 )) 'BEGIN { printf "%.1f", s / 60 }')
    load_notes+=("$size cases loaded in $minutes min (with vacuum analyze), database $(sql -At -c "select pg_size_pretty(pg_database_size('tongban'))")")
    loaded=$size
    growth_measure "$size"
  done
  local small=${GROWTH_SIZES[0]} large=${GROWTH_SIZES[-1]} what label p_small p_large
  for what in inbox-api inbox-page progress mine-api mine-page; do
    case $what in
      inbox-api) label="staff inbox GET /api/v1/tasks (scjg01: ${GROWTH[$small,tasks]} → ${GROWTH[$large,tasks]} tasks)" ;;
      inbox-page) label="staff inbox page GET /staff/tasks (scjg01)" ;;
      progress) label="public progress GET /api/v1/progress (200 random cases)" ;;
      mine-api) label="我的办件 GET /api/v1/applications (张三, 8 cases)" ;;
      mine-page) label="我的办件 page GET /my/applications (张三)" ;;
    esac
    read -r _ p_small n_small e_small <<< "${GROWTH[$small,$what]}"
    read -r _ p_large n_large e_large <<< "${GROWTH[$large,$what]}"
    row "growth: $label, p99 at $(human "$small") → $(human "$large") cases" \
      "$(fmt "$p_small") ms → $(fmt "$p_large") ms ($n_small, $n_large requests; errors $e_small, $e_large): **$(ratio "$p_large" "$p_small")**" \
      "$(ratio "$p_large" "$PGBENCH_LAT")" "" "≤ 1.5× growth"
  done
  local n
  for n in "${load_notes[@]}"; do note "Growth: $n."; done
  note "Growth data: $GROWTH_OPEN_PERCENT % of the cases open (waiting at 受理, with their Flowable runtime rows), the rest concluded; spread over the catalog's $(sql -At -c "select count(*) from bench.item") published items, $GROWTH_PER_DAY cases a day, three cases an applicant (bench/growth.sql)."
}

human() { awk -v n="$1" 'BEGIN { if (n >= 1000000) printf "%g M", n / 1000000; else if (n >= 1000) printf "%g k", n / 1000; else print n }'; }
