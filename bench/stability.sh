#!/usr/bin/env bash
# Runs the stability runs (soak, cancellation storm, overload, hostile bodies) of each adapter, each
# in a JVM of its own with the fake Nebuly server in another, and writes their reports into the
# "Stability" section of bench/RESULTS.md (between its markers; the rest of the file is left as it is).
# Each report is kept between markers of its own, with the commit and machine it ran on: a run of
# some adapters or runs replaces their reports and keeps the others'.
#
#   bench/stability.sh                                 # every run of both adapters, full size
#   ADAPTERS=vertx RUNS="storm overload" bench/stability.sh
#   SOAK_ARGS="--calls 20000" bench/stability.sh       # a shorter soak
#
# Settings (environment):
#   BUILD=1          build what the runs need first (./mvnw -B package, tests skipped; never install)
#   ADAPTERS         vertx and/or quarkus (default: both)
#   RUNS             soak, storm, overload and/or hostile (default: all four)
#   SOAK_ARGS, STORM_ARGS, OVERLOAD_ARGS, HOSTILE_ARGS   more options of one run (see bench/stability/README.md)
#   JVM_OPTS         options of the measured JVMs but the hostile bodies' (default: -Xmx1g)
#   HOSTILE_JVM_OPTS options of the hostile bodies' JVM (default: a 64 MiB heap that an overflow ends)
#
# The machine may be shared: figures are what this run saw, never limits. The exit status is 1 if
# any run failed a check; its report says which. The API key is never printed; the script checks
# that no process's output holds it.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/target/stability"
BUILD="${BUILD:-1}"
ADAPTERS="${ADAPTERS:-vertx quarkus}"
RUNS="${RUNS:-soak storm overload hostile}"
JVM_OPTS="${JVM_OPTS:--Xmx1g}"
HOSTILE_JVM_OPTS="${HOSTILE_JVM_OPTS:--Xmx64m -XX:+ExitOnOutOfMemoryError}"
SERVER_JAR="$ROOT/testkit/target/nebuly4j-testkit-0.2.0-standalone.jar"
# The runs' default key (Stability.DEFAULT_API_KEY), to check that no output holds it.
KEY='k3y+/=!~%ünïcode'

log() { printf '[stability %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
started=$(date +%s)

if [[ "$BUILD" == 1 ]]; then
  modules=()
  for adapter in $ADAPTERS; do modules+=("bench/stability-$adapter"); done
  log "building ${modules[*]} (package, tests skipped)"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am)
fi
[[ -f "$SERVER_JAR" ]] || { echo "no $SERVER_JAR; run with BUILD=1" >&2; exit 1; }

launcher() { # adapter
  case "$1" in
    vertx)
      local module="$BENCH/stability-vertx"
      [[ -f "$module/target/classpath.txt" ]] || { echo "bench/stability-vertx is not built; run with BUILD=1" >&2; exit 1; }
      echo "-cp $module/target/classes:$(cat "$module/target/classpath.txt") io.github.nebuly4j.bench.stability.vertx.VertxStabilityMain" ;;
    quarkus)
      local app="$BENCH/stability-quarkus/target/quarkus-app/quarkus-run.jar"
      [[ -f "$app" ]] || { echo "bench/stability-quarkus is not built; run with BUILD=1" >&2; exit 1; }
      echo "-jar $app" ;;
    *) echo "unknown adapter '$1' (vertx or quarkus)" >&2; exit 2 ;;
  esac
}

rm -rf "$OUT"
mkdir -p "$OUT"
provenance="Run on $(date -u +%Y-%m-%dT%H:%M:%SZ), commit \`$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)\`, $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') of memory, $(java -version 2>&1 | sed -n 2p), load average at start $(cut -d' ' -f1-3 /proc/loadavg); JVM \`$JVM_OPTS\` (the hostile bodies' \`$HOSTILE_JVM_OPTS\`)."

failed=0
for adapter in $ADAPTERS; do
  read -r -a command <<<"$(launcher "$adapter")"
  for run in $RUNS; do
    extra_var="$(tr '[:lower:]' '[:upper:]' <<<"$run")_ARGS"
    read -r -a extra <<<"${!extra_var:-}"
    read -r -a jvm <<<"$([[ "$run" == hostile ]] && echo "$HOSTILE_JVM_OPTS" || echo "$JVM_OPTS")"
    report="$OUT/$adapter-$run.md"
    output="$OUT/$adapter-$run.log"
    log "$adapter: $run"
    status=0
    java "${jvm[@]}" "${command[@]}" --run "$run" --server-jar "$SERVER_JAR" --report "$report" "${extra[@]}" >"$output" 2>&1 || status=$?
    if grep -qaF -- "$KEY" "$output" || grep -qaF -- "$(iconv -f UTF-8 -t ISO-8859-1 <<<"$KEY")" "$output"; then
      log "$adapter $run: the API key is in the process's output"
      printf '\n**The API key was found in the output of this run** (%s).\n' "$output" >>"$report"
      status=1
    fi
    if [[ ! -s "$report" ]]; then
      printf '### %s: %s-adapter — FAIL\n\nNo report; exit status %s. The end of its output:\n\n```\n%s\n```\n' \
        "$run" "$adapter" "$status" "$(tail -20 "$output")" >"$report"
    fi
    if [[ "$status" != 0 ]]; then failed=1; fi
    log "$adapter $run: $(head -1 "$report" | sed 's/^### //') (exit status $status)"
  done
done

results="$BENCH/RESULTS.md"
# A report of this run, or the one RESULTS.md already holds for that adapter and run (empty if none).
block() { # adapter run
  local marker="stability:$1-$2"
  if [[ -s "$OUT/$1-$2.md" ]]; then
    echo "<!-- $marker:begin -->"
    sed '1s/^### /#### /' "$OUT/$1-$2.md" | awk -v provenance="- $provenance" '{ print } NR == 2 { print provenance }'
    echo "<!-- $marker:end -->"
  elif [[ -f "$results" ]]; then
    awk -v begin="<!-- $marker:begin -->" -v end="<!-- $marker:end -->" '
      $0 == begin { keeping = 1 } keeping { print } $0 == end { keeping = 0 }' "$results"
  fi
}
section="$OUT/section.md"
{
  echo "<!-- stability:begin -->"
  echo "## Stability"
  echo
  echo "Each adapter, driven through its ports only, in a JVM of its own against the fake Nebuly server in another"
  echo "(\`bench/stability\`; what each run does and what each check means: \`bench/stability/README.md\`). Each"
  echo "report says the commit and the machine it ran on: the machine may be shared, and figures are what"
  echo "that run saw, never limits."
  echo
  echo "| adapter | run | verdict |"
  echo "|---|---|---|"
  for adapter in vertx quarkus; do
    for run in soak storm overload hostile; do
      verdict="$(block "$adapter" "$run" | sed -n 2p | sed 's/.* — //')"
      [[ -n "$verdict" ]] && echo "| $adapter | $run | $verdict |"
    done
  done
  echo
  for adapter in vertx quarkus; do
    for run in soak storm overload hostile; do
      block "$adapter" "$run"
      echo
    done
  done | cat -s
  echo "<!-- stability:end -->"
} >"$section"

if [[ -f "$results" ]] && grep -q '<!-- stability:begin -->' "$results"; then
  awk -v section="$section" '
    /<!-- stability:begin -->/ { while ((getline line < section) > 0) print line; skipping = 1; next }
    /<!-- stability:end -->/ { skipping = 0; next }
    !skipping { print }
  ' "$results" >"$OUT/RESULTS.md"
  mv "$OUT/RESULTS.md" "$results"
else
  { [[ -f "$results" ]] && cat "$results" && echo; cat "$section"; } >"$OUT/RESULTS.md"
  mv "$OUT/RESULTS.md" "$results"
fi
log "done in $(( $(date +%s) - started )) s: bench/RESULTS.md (Stability), reports and logs in bench/target/stability/"
exit "$failed"
