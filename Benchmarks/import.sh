#!/usr/bin/env bash
# Import benchmark (issue #2: parse + store >= 2,000 messages/s, memory flat with mailbox size).
# Generates two synthetic Maildirs (5,000 and 20,000 messages) once, then imports each into a
# fresh store in its own process, twice: parse and store only (issue #2's figure), then the whole
# import as `mailroom import` runs it (classification and order extraction too). Prints
# throughput and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product mailroom-bench >&2
bench=.build/release/mailroom-bench
data=${MAILROOM_BENCH_DATA:-/tmp/mailroom-bench-data}/v2  # one folder per version of the generator
for count in 5000 20000; do
    [ -d "$data/$count/cur" ] || $bench generate "$count" "$data/$count"
    echo "== $count messages"
    $bench import --parse-only "$data/$count"
    $bench import "$data/$count"
done
