#!/usr/bin/env bash
# Runs the "deep links at scale" workload (bench/load-quarkus's DeepLinkScale) and writes its
# section of bench/RESULTS.md, between the deep-links markers; the rest of the file is left as is.
#
#   bench/run-deep-links.sh                       # about 2 minutes on 2 cores
#   SECONDS_PER=3 INTERACTIONS=1000 bench/run-deep-links.sh   # a quick look
#
# Settings (environment): BUILD=1 (package the modules first, tests skipped; never install),
# THREADS=16, HOT_IDS=100, SECONDS_PER=10 (seconds per resolver on the hot set), BURST=1000,
# INTERACTIONS=5000, PAGE_RUNS=5, JVM_OPTS (default: a fixed 1 GiB heap).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
RESULTS="$BENCH/target/results"
JVM_OPTS="${JVM_OPTS:--Xms1g -Xmx1g}"

if [[ "${BUILD:-1}" == 1 ]]; then
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -pl bench/load-quarkus -am)
fi
mkdir -p "$RESULTS"
echo "[deep-links] load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java $JVM_OPTS -jar "$BENCH/load-quarkus/target/quarkus-app/quarkus-run.jar" deep-link-scale \
  --out "$RESULTS/deep-links.md" --threads "${THREADS:-16}" --hot-ids "${HOT_IDS:-100}" \
  --seconds "${SECONDS_PER:-10}" --burst "${BURST:-1000}" --interactions "${INTERACTIONS:-5000}" \
  --page-runs "${PAGE_RUNS:-5}"

# Replaces the section between the markers, or appends it with its markers.
python3 - "$BENCH/RESULTS.md" "$RESULTS/deep-links.md" <<'PY'
import sys
results, section = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().rstrip() + "\n"
start, end = "<!-- deep-links:start (bench/run-deep-links.sh) -->\n", "<!-- deep-links:end -->\n"
text = open(results, encoding="utf-8").read()
if start in text and end in text:
    text = text[: text.index(start) + len(start)] + section + text[text.index(end):]
else:
    text = text.rstrip() + "\n\n" + start + section + end
open(results, "w", encoding="utf-8").write(text)
PY
echo "[deep-links] done: bench/RESULTS.md, section 'Deep links at scale'"
