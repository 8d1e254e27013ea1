#!/usr/bin/env bash
# Runs nebuly4j's whole benchmark comparison and writes bench/RESULTS.md and bench/throughput.png.
#
#   bench/run.sh                      # the full run (about 17 minutes on 2 cores)
#   WARMUP=2 MEASURE=3 REPS=2 SECONDARY=0 PROFILE=0 JMH=quick bench/run.sh   # a quick look
#
# Run it on a quiet machine: every client, the loopback server and wrk share its cores, so any
# other load skews the figures (the load average at the start is written into RESULTS.md).
#
# Settings (environment):
#   BUILD=1         build the modules first (repo root: ./mvnw -q -B package -DskipTests); the class
#                   paths in bench/*/target/classpath.txt point at the reactor's jars, so nothing is
#                   installed into the local Maven repository
#   WARMUP=5        seconds of warm-up per client and concurrency (main workload)
#   MEASURE=10      seconds of one measured window (main workload)
#   REPS=3          measured windows per client and concurrency
#   CONCURRENCY=1,16,256
#   SECONDARY=1     also the deep-link workload (2 s warm-up, then 2 windows of 4 s)
#   PROFILE=1       JFR recordings of each client at the largest concurrency, summarized in RESULTS.md
#   JMH=full        full | quick | none: the decoding benchmarks
#   JVM_OPTS        options of every client JVM (default: a fixed 1 GiB heap)
#   CLIENTS="raw-webclient raw-jdk vertx-adapter raw-rest-client raw-vertx4 quarkus-adapter"
#                   the JVM clients to run, in order (the last three run in the Quarkus app)
#   ROUNDS=1        rounds of the main workload: each runs every client in turn, REPS windows each,
#                   so that a machine whose load drifts weighs on every client alike
#   WRK=1           also measure wrk's ceiling
#   REPORT=bench/RESULTS.md   where the report goes (the plot beside it); a partial run (a few
#                   CLIENTS, no wrk) is best written elsewhere and merged into RESULTS.md by hand
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
RESULTS="$BENCH/target/results"
BUILD="${BUILD:-1}"
WARMUP="${WARMUP:-5}"
MEASURE="${MEASURE:-10}"
REPS="${REPS:-3}"
CONCURRENCY="${CONCURRENCY:-1,16,256}"
SECONDARY="${SECONDARY:-1}"
PROFILE="${PROFILE:-1}"
JMH="${JMH:-full}"
JVM_OPTS="${JVM_OPTS:--Xms1g -Xmx1g}"
read -r -a CLIENTS <<<"${CLIENTS:-raw-webclient raw-jdk vertx-adapter raw-rest-client raw-vertx4 quarkus-adapter}"
WRK="${WRK:-1}"
ROUNDS="${ROUNDS:-1}"
REPORT="${REPORT:-$BENCH/RESULTS.md}"
MAX_CONCURRENCY="$(tr ',' '\n' <<<"$CONCURRENCY" | sort -n | tail -1)"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
started=$(date +%s)

# --- build -------------------------------------------------------------------------------------
if [[ "$BUILD" == 1 ]]; then
  log "building the modules (repo root, tests skipped)"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
fi
needed=(common load-vertx)
[[ "$JMH" == none ]] || needed+=(jmh)
for module in "${needed[@]}"; do
  [[ -f "$BENCH/$module/target/classpath.txt" ]] || { echo "bench/$module is not built; run with BUILD=1" >&2; exit 1; }
done
is_quarkus_client() { [[ "$1" == quarkus-adapter || "$1" == raw-rest-client || "$1" == raw-vertx4 ]]; }
for client in "${CLIENTS[@]}"; do
  if is_quarkus_client "$client"; then
    [[ -f "$BENCH/load-quarkus/target/quarkus-app/quarkus-run.jar" ]] || { echo "bench/load-quarkus is not built" >&2; exit 1; }
  fi
done
classpath() { echo "$BENCH/$1/target/classes:$(cat "$BENCH/$1/target/classpath.txt")"; }

if [[ "$WRK" == 1 ]] && ! command -v wrk >/dev/null; then
  log "installing wrk from Debian's packages"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# --- the machine -------------------------------------------------------------------------------
{
  echo "cores: $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs))"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}') total, $(free -h | awk '/^Mem:/ {print $7}') available"
  echo "JDK: $(java -version 2>&1 | sed -n 2p)"
  echo "OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  if [[ "$WRK" == 1 ]]; then echo "wrk: $(wrk -v 2>&1 | head -1 | cut -c1-60)"; fi
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "other JVMs at start: $(pgrep -c java || true)"
} >"$RESULTS/machine.txt"
{
  echo "Main workload: warm-up ${WARMUP} s, then ${REPS} windows of ${MEASURE} s per client and concurrency (${CONCURRENCY}), in ${ROUNDS} round(s) that each run every client in turn."
  if [[ "$SECONDARY" == 1 ]]; then echo "Secondary workload (deep link): warm-up 2 s, then 2 windows of 4 s."; fi
  echo "Clients run: ${CLIENTS[*]}$([[ "$WRK" == 1 ]] && echo ", wrk")."
  echo "Client JVMs: \`${JVM_OPTS}\`, one JVM per client. wrk: \`-t min(2,c) -c c\`, one run per window, after a 2 s warm-up run at each concurrency."
  echo "JMH: DecodeBenchmark, -prof gc ($JMH)."
} >"$RESULTS/settings.txt"
log "machine: $(tr '\n' ';' <"$RESULTS/machine.txt")"
load1=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load1" 'BEGIN { exit !(l >= 1.0) }'; then
  log "WARNING: load average $load1 >= 1.0: the machine is not quiet, the figures will be skewed"
fi

# --- decoding (JMH), before the server starts --------------------------------------------------
case "$JMH" in
  full) jmh_args=(-wi 5 -i 5 -w 1 -r 1 -f 1) ;;
  quick) jmh_args=(-wi 1 -i 2 -w 1 -r 1 -f 1) ;;
  none) jmh_args=() ;;
  *) echo "JMH must be full, quick or none" >&2; exit 2 ;;
esac
if [[ "$JMH" != none ]]; then
  log "JMH decoding benchmarks ($JMH)"
  java -cp "$(classpath jmh)" org.openjdk.jmh.Main DecodeBenchmark "${jmh_args[@]}" -prof gc \
    -rf json -rff "$RESULTS/jmh.json" >"$RESULTS/jmh.txt" 2>&1
fi

# --- the loopback server -----------------------------------------------------------------------
log "starting the loopback server"
java -Xms512m -Xmx512m -cp "$(classpath load-vertx)" io.github.nebuly4j.bench.vertx.VertxLoopbackServer \
  --port 0 --instances "$(nproc)" --port-file "$RESULTS/port" >"$RESULTS/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  [[ -s "$RESULTS/port" ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$RESULTS/server.log" >&2; exit 1; }
  sleep 0.2
done
PORT="$(cat "$RESULTS/port")"
URL="http://127.0.0.1:$PORT/api/external"
log "server on $URL"

# --- wrk: the ceiling --------------------------------------------------------------------------
run_wrk() { # workload concurrency reps seconds [warm-up]
  local workload=$1 c=$2 reps=$3 seconds=$4 threads=$(( $2 < 2 ? $2 : 2 ))
  if [[ "${5:-}" == warm-up ]]; then
    WRK_WORKLOAD=$workload wrk -t"$threads" -c"$c" -d2s -s "$BENCH/wrk/nebuly.lua" "http://127.0.0.1:$PORT" >/dev/null
  fi
  for rep in $(seq "$reps"); do
    WRK_WORKLOAD=$workload WRK_CONCURRENCY=$c WRK_REP=$rep WRK_OUT="$RESULTS/load.jsonl" \
      wrk -t"$threads" -c"$c" -d"${seconds}s" --timeout 10s -s "$BENCH/wrk/nebuly.lua" "http://127.0.0.1:$PORT" \
      >>"$RESULTS/wrk.txt"
  done
}
if [[ "$WRK" == 1 ]]; then
  log "wrk ceiling"
  for c in ${CONCURRENCY//,/ }; do
    run_wrk conversation "$c" "$REPS" "$MEASURE" warm-up
    if [[ "$SECONDARY" == 1 ]]; then
      run_wrk interaction-link "$c" 2 4
      run_wrk conversation-link "$c" 1 4
    fi
  done
fi

# --- the JVM clients ---------------------------------------------------------------------------
run_client() { # client out workload warmup measure reps concurrency [extra JVM options...]
  local client=$1 out=$2 workload=$3 warmup=$4 measure=$5 reps=$6 concurrency=$7
  shift 7
  local args=(--url "$URL" --out "$out" --clients "$client" --workloads "$workload" --concurrency "$concurrency"
    --warmup "$warmup" --measure "$measure" --reps "$reps")
  # shellcheck disable=SC2086
  if is_quarkus_client "$client"; then
    local pool
    pool="$(tr ',' '\n' <<<"$concurrency" | sort -n | tail -1)"
    java $JVM_OPTS "$@" -Dquarkus.nebuly.base-url="$URL" -Dquarkus.nebuly.max-connections="$pool" -jar "$BENCH/load-quarkus/target/quarkus-app/quarkus-run.jar" "${args[@]}"
  else
    java $JVM_OPTS "$@" -cp "$(classpath load-vertx)" io.github.nebuly4j.bench.vertx.VertxLoadMain "${args[@]}"
  fi
}
for round in $(seq "$ROUNDS"); do
  for client in "${CLIENTS[@]}"; do
    log "load: $client (conversation detail, round $round of $ROUNDS)"
    echo "$(date +%T) round $round $client: load average $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/load-average.txt"
    run_client "$client" "$RESULTS/load.jsonl" conversation "$WARMUP" "$MEASURE" "$REPS" "$CONCURRENCY"
  done
done
if [[ "$SECONDARY" == 1 ]]; then
  for client in "${CLIENTS[@]}"; do
    log "load: $client (deep link)"
    run_client "$client" "$RESULTS/load.jsonl" interaction-link 2 4 2 "$CONCURRENCY"
  done
fi
if [[ "$PROFILE" == 1 ]]; then
  for client in "${CLIENTS[@]}"; do
    log "profile: $client (JFR, conversation detail, c=$MAX_CONCURRENCY)"
    run_client "$client" "$RESULTS/profile-runs.jsonl" conversation 3 6 1 "$MAX_CONCURRENCY" \
      "-XX:StartFlightRecording=filename=$RESULTS/profile-$client.jfr,settings=profile,dumponexit=true" \
      >>"$RESULTS/profile.log" 2>&1
  done
fi

kill "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true

# --- the report --------------------------------------------------------------------------------
mkdir -p "$(dirname "$REPORT")"
PLOT="$(dirname "$REPORT")/throughput.png"
log "writing $REPORT and $PLOT"
java -cp "$(classpath common)" io.github.nebuly4j.bench.report.Report "$RESULTS" "$REPORT" "$PLOT"
log "done in $(( $(date +%s) - started )) s: $REPORT, $PLOT"
