#!/usr/bin/env python3
"""Helpers of Tests/Fuzz/sync-vs-import.sh.

    compare-stores.py tag MUTANT_ROOT OUT   copy every .eml with a Message-ID of its own
    compare-stores.py compare WORK          compare the sync and import exports in WORK

The comparison prints, by mutation kind (the file name's prefix), the mutants found in one store
and not the other, and those whose vendor, category, subject or text differ, with examples.
An mbox-looking mutant is expected to differ (import splits it, Dovecot stores it whole), and
so is a text part over the sync's fetch limit (marked `oversized-part`).
"""
import collections, json, os, re, sys

def tag(root, out):
    n = 0
    for directory, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith('.eml'):
                continue
            with open(os.path.join(directory, name), 'rb') as f:
                data = f.read()
            if len(data) > 20 << 20:  # larger than Dovecot's default message size limit
                continue
            mid = b'<mutant-%d.%s@fuzz.invalid>' % (n, name[:-4].encode())
            data, found = re.subn(rb'(?im)^message-id:[^\r\n]*(\r?\n[ \t][^\r\n]*)*', b'Message-ID: ' + mid, data, count=1)
            if not found:
                data = b'Message-ID: ' + mid + b'\r\n' + data
            target = os.path.join(out, os.path.basename(directory), name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, 'wb') as f:
                f.write(data)
            n += 1
    print(f'{n} mutants tagged')

def load(work, which):
    with open(os.path.join(work, f'{which}-export', 'messages.json')) as f:
        messages = json.load(f)
    by_id = {}
    for m in messages:
        found = re.match(r'<mutant-\d+\.([^@]+)@fuzz\.invalid>', m.get('messageId') or '')
        if found:  # the kind: `table` of table-00012, `heldout` of heldout_shop_case
            by_id[m['messageId']] = (re.split(r'_|-\d+$', found.group(1))[0], m)
    return by_id

def compare(work):
    synced, imported = load(work, 'sync'), load(work, 'import')
    differences = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    def note(kind, what, mid):
        differences[what][kind] += 1
        if len(examples[what]) < 8:
            examples[what].append(mid)
    for mid, (kind, m) in imported.items():
        if mid not in synced:
            note(kind, 'import only', mid)
    for mid, (kind, s) in synced.items():
        if mid not in imported:
            note(kind, 'sync only', mid)
            continue
        i = imported[mid][1]
        if (s.get('vendor') or {}).get('id') != (i.get('vendor') or {}).get('id'):
            note(kind, 'vendor', mid)
        for field in ('category', 'subject'):
            if s.get(field) != i.get(field):
                note(kind, field, mid)
        if (s.get('text') or '').strip() != (i.get('text') or '').strip():
            cut = any(w == 'oversized-part' for w in s.get('warnings', []))
            note(kind, 'text (sync part cut)' if cut else 'text', mid)
    print(f'sync {len(synced)} mutants, import {len(imported)}')
    for what in sorted(differences):
        print(f'{what}: {sum(differences[what].values())} {dict(differences[what])}')
        print('   e.g. ' + ' '.join(examples[what]))

if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'tag':
        tag(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == 'compare':
        compare(sys.argv[2])
    else:
        sys.exit(__doc__)
