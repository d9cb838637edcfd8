#!/usr/bin/env bash
# Import benchmark (issue: parse + store >= 2,000 messages/s, memory flat with mailbox size).
# Generates two synthetic Maildirs (5,000 and 20,000 messages) once, then imports each into a
# fresh store in its own process and prints throughput and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product mailroom-bench >&2
bench=.build/release/mailroom-bench
data=${MAILROOM_BENCH_DATA:-/tmp/mailroom-bench-data}/v2  # one folder per version of the generator
for count in 5000 20000; do
    [ -d "$data/$count/cur" ] || $bench generate "$count" "$data/$count"
    echo "== $count messages"
    $bench import "$data/$count"
done
