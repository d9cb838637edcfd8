#!/bin/sh
# Runs the release mailroom on every batch folder under $1 (from Tests/Fuzz/mutate.py):
# classify --format json and import into a fresh store, each under timeout, peak RSS measured.
# Prints one line per batch and command: batch, command, exit status, seconds, peak RSS (KB).
# A status of 124 is a hang (timeout), >= 128 a signal (crash); RSS over 500000 KB a blow-up.
set -u
root=${1:?usage: run.sh MUTANT_ROOT [TIMEOUT_SECONDS]}
limit=${2:-60}
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=${MAILROOM_BIN:-$repo/.build/release/mailroom}
for dir in "$root"/batch*/; do
    dir=${dir%/}
    for cmd in classify import; do
        db=$(mktemp -u /tmp/fuzz-db.XXXXXX)
        start=$(date +%s.%N)
        if [ "$cmd" = classify ]; then
            MAILROOM_RULES=$repo/Rules MAILROOM_DATABASE=$db /usr/bin/time -f %M -o "$dir.$cmd.rss" \
                timeout -s KILL "$limit" "$bin" classify --format json "$dir" >"$dir.$cmd.out" 2>"$dir.$cmd.err"
        else
            MAILROOM_RULES=$repo/Rules MAILROOM_DATABASE=$db /usr/bin/time -f %M -o "$dir.$cmd.rss" \
                timeout -s KILL "$limit" "$bin" import "$dir" >"$dir.$cmd.out" 2>"$dir.$cmd.err"
        fi
        status=$?
        end=$(date +%s.%N)
        rss=$(tail -1 "$dir.$cmd.rss")
        printf '%s %s %s %.1f %s\n' "$(basename "$dir")" "$cmd" "$status" "$(echo "$end - $start" | bc)" "$rss"
        rm -f "$db" "$db-wal" "$db-shm"
    done
done
