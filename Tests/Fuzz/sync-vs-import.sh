#!/usr/bin/env bash
# Differential fuzz of the sync path: delivers every mutant under $1 (from Tests/Fuzz/mutate.py)
# to a private Dovecot on 127.0.0.1, syncs it over TLS into one store and imports the same files
# into another, then compares the two message by message (Tests/Fuzz/compare-stores.py). Sync
# reads parts fetched one by one under a size limit, import whole files: differences show where
# the two paths read a message differently. Needs the release binary; work files go to $2.
set -uo pipefail
root=$(cd "${1:?usage: sync-vs-import.sh MUTANT_ROOT WORK_DIR}" && pwd)
work=${2:?usage: sync-vs-import.sh MUTANT_ROOT WORK_DIR}
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
mailroom=${MAILROOM_BIN:-$repo/.build/release/mailroom}
harness=Tests/SyncTests/Support/dovecot-harness
export MAILROOM_RULES=$repo/Rules MAILROOM_CONFIG=$work/config.yaml
rm -rf "$work" && mkdir -p "$work" && chmod 0755 "$work"  # Dovecot's users read the server's folder

# Every mutant gets its own Message-ID (mutants of one seed share theirs), the key of the comparison.
python3 Tests/Fuzz/compare-stores.py tag "$root" "$work/mail"

$harness kill-stale
trap '$harness remove "$work/dovecot" >/dev/null 2>&1 || true' EXIT
server=$($harness start "$work/dovecot" --owner $$)
port=$(sed -n 's/^IMAPS_PORT=//p' <<<"$server")
export MAILROOM_FUZZ_PASSWORD=$(sed -n 's/^PASSWORD=//p' <<<"$server")
find "$work/mail" -name '*.eml' -print0 | sort -z | xargs -0 -n 200 $harness save "$work/dovecot" INBOX >"$work/save.log" 2>&1
MAILROOM_DATABASE=$work/sync.sqlite "$mailroom" accounts add fuzz --host 127.0.0.1 --port "$port" --security tls \
    --user "$(sed -n 's/^USER=//p' <<<"$server")" --password-env MAILROOM_FUZZ_PASSWORD \
    --fingerprint "$(sed -n 's/^FINGERPRINT=//p' <<<"$server")" 2>/dev/null
for cmd in sync import; do
    if [ $cmd = sync ]; then args=(sync); else args=(import "$work/mail"); fi
    MAILROOM_DATABASE=$work/$cmd.sqlite /usr/bin/time -f "$cmd: %e s, peak RSS %M KB" -o "$work/$cmd.time" \
        timeout -s KILL 3600 "$mailroom" "${args[@]}" >"$work/$cmd.out" 2>"$work/$cmd.err"
    echo "$cmd: exit $? ($(tail -1 "$work/$cmd.time"))"
    MAILROOM_DATABASE=$work/$cmd.sqlite "$mailroom" export --with-text --output "$work/$cmd-export" >/dev/null 2>&1
done
python3 Tests/Fuzz/compare-stores.py compare "$work"
