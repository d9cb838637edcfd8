#!/usr/bin/env python3
"""Mutation fuzzer for Mailroom's mail path (a tool, not part of the test suite).

Reads seed mails and writes mutants as `<kind>-<n>.eml` into batch folders:

    python3 Tests/Fuzz/mutate.py --out /tmp/fuzz --count 3000 --batch 100 \
        --seed-dir Samples --seed-dir /tmp/s8/m600/cur --max-seeds-per-dir 200

Then run Tests/Fuzz/run.sh /tmp/fuzz (classify + import every batch under timeout, RSS measured).
"""
import argparse, base64, os, random, re, sys

def seeds(dirs, limit):
    out = []
    for d in dirs:
        found = []
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if f.endswith('.eml') or '/cur' in root or '/new' in root:
                    found.append(os.path.join(root, f))
        found.sort()
        if limit and len(found) > limit and not d.rstrip('/').endswith('Samples'):
            random.Random(7).shuffle(found)
            found = found[:limit]
        for p in found:
            with open(p, 'rb') as fh:
                out.append(fh.read())
    return out

def split(msg):
    for sep in (b'\r\n\r\n', b'\n\n'):
        i = msg.find(sep)
        if i >= 0:
            return msg[:i], sep[:len(sep)//2], msg[i+len(sep):]
    return msg, b'\n', b''

def boundaries(msg):
    return list(set(re.findall(rb'boundary="?([^";\r\n]+)"?', msg, re.I)))

def truncate(r, m):
    return m[:r.randrange(0, max(1, len(m)))]

def boundary_mutation(r, m):
    bs = boundaries(m)
    if not bs:
        return nested_multipart(r, m)
    b = r.choice(bs)
    op = r.randrange(4)
    if op == 0:   # remove all delimiter lines
        return m.replace(b'--' + b, b'')
    if op == 1:   # duplicate a delimiter
        return m.replace(b'--' + b, b'--' + b + b'\n--' + b, 1 + r.randrange(3))
    if op == 2:   # garble
        return m.replace(b'--' + b, b'--' + b[:max(1, len(b)//2)] + bytes([r.randrange(256)]))
    return m.replace(b'--' + b + b'--', b'')  # drop the close delimiter

def nested_multipart(r, m):
    depth = r.randrange(50, 501)
    nl = b'\r\n' if r.random() < 0.5 else b'\n'
    head = b'From: Shop <orders@shop.example>' + nl + b'To: a@b.example' + nl + b'Subject: nested' + nl + b'MIME-Version: 1.0' + nl
    parts = []
    for i in range(depth):
        parts.append(b'Content-Type: multipart/' + r.choice([b'mixed', b'alternative', b'related']) + b'; boundary="b%d"' % i + nl + nl + b'--b%d' % i + nl)
    _, _, body = split(m)
    leaf = b'Content-Type: text/html; charset=utf-8' + nl + nl + body[:4000] + nl
    tail = b''.join(b'--b%d--' % i + nl for i in reversed(range(depth)) if r.random() < 0.8)
    return head + b''.join(parts) + leaf + tail

def huge_header(r, m):
    h, sep, b = split(m)
    n = r.choice([10_000, 100_000, 1_000_000, 5_000_000])
    kind = r.randrange(3)
    if kind == 0:
        line = b'Subject: ' + b'A' * n
    elif kind == 1:
        line = b'X-Folded: x' + (sep + b' y') * (n // 3)
    else:
        line = b'To: ' + b', '.join(b'u%d@d%d.example' % (i, i) for i in range(n // 20))
    return h + sep + line + sep + sep + b

def many_headers(r, m):
    h, sep, b = split(m)
    n = r.choice([2_000, 10_000, 50_000])
    name = r.choice([b'Received', b'X-H', b'Subject', b'From', b'Content-Type', b'DKIM-Signature'])
    extra = sep.join(name + b': v%d' % i for i in range(n))
    return h + sep + extra + sep + sep + b

def control_bytes(r, m):
    m = bytearray(m)
    for _ in range(r.randrange(1, 200)):
        if not m:
            break
        m[r.randrange(len(m))] = r.choice([0, 1, 8, 11, 12, 27, 127, 0xff, 0xfe, 0x80, 13, 10])
    return bytes(m)

CHARSETS = [b'x-unknown-9', b'utf-7', b'utf-16', b'utf-32', b'UTF-16BE', b'iso-2022-jp', b'gb18030',
            b'\x00', b'', b'"', b'utf-8\x00junk', b'ibm-1047', b'x' * 5000, b'big5-hkscs', b'=?', b'windows-1252;;;']

def charset_mutation(r, m):
    cs = r.choice(CHARSETS)
    out, n = re.subn(rb'charset="?[^";\s]*"?', b'charset="' + cs.replace(b'\\', b'') + b'"', m, flags=re.I)
    if n == 0:
        h, sep, b = split(m)
        out = h + sep + b'Content-Type: text/plain; charset=' + cs + sep + sep + b
    if r.random() < 0.5:  # make the body really in that charset when we can
        try:
            name = cs.decode('ascii')
            h, sep, b = split(out)
            out = h + sep + sep + b.decode('utf-8', 'replace').encode(name, 'replace')
        except Exception:
            pass
    return out

def transfer_mutation(r, m):
    h, sep, b = split(m)
    if r.random() < 0.5:
        junk = base64.b64encode(os.urandom(r.randrange(10, 5000)) if False else bytes(r.randrange(256) for _ in range(r.randrange(10, 3000))))
        junk = bytearray(junk)
        for _ in range(r.randrange(1, 50)):
            junk[r.randrange(len(junk))] = r.choice(b'=!*\x00-_ \n')
        body = bytes(junk) + r.choice([b'', b'=', b'==', b'===', b'====abc'])
        enc = b'base64'
    else:
        body = b''.join(r.choice([b'=', b'=\n', b'=G', b'=4', b'=41', b'=\r', b'=ZZ', b'abc', b'= ', b'=\x00', b'=3D']) for _ in range(r.randrange(10, 20000)))
        enc = b'quoted-printable'
    ct = r.choice([b'text/plain', b'text/html', b'application/ld+json', b'text/calendar'])
    return (b'From: a@shop.example' + sep + b'Subject: x' + sep + b'MIME-Version: 1.0' + sep +
            b'Content-Type: ' + ct + b'; charset=utf-8' + sep + b'Content-Transfer-Encoding: ' + enc + sep + sep + body)

def encoded_words(r, m):
    h, sep, b = split(m)
    kind = r.randrange(5)
    if kind == 0:
        s = b'=?utf-8?B?' * r.randrange(1, 5000)
    elif kind == 1:
        w = b'caf\xc3\xa9'
        for _ in range(r.randrange(2, 8)):
            w = b'=?utf-8?B?' + base64.b64encode(w) + b'?='
        s = w
    elif kind == 2:
        s = b' '.join(b'=?x-bogus?Q?a=' + bytes([r.randrange(33, 127)]) + b'?=' for _ in range(r.randrange(1, 20000)))
    elif kind == 3:
        s = b'=?utf-8?Q?' + b'=E2=82' * r.randrange(1, 50000)
    else:
        s = b'=?' + b'?'.join(b'' for _ in range(r.randrange(1, 1000))) + b'=?utf-8*fr?B?' + b'====' * 1000 + b'?='
    name = r.choice([b'Subject', b'From', b'To', b'Content-Disposition'])
    if name == b'From':
        s = s + b' <x@y.example>'
    if name == b'Content-Disposition':
        s = b'attachment; filename="' + s + b'"; filename*=utf-8\'\'%E2%82' + b'%' * 100
    return h + sep + name + b': ' + s + sep + sep + b

def html_mail(r, html, sep=b'\n', ct=b'text/html'):
    return (b'From: Shop <orders@shop.example>' + sep + b'To: a@b.example' + sep + b'Subject: Your order 123' + sep +
            b'Date: Mon, 2 Nov 2026 10:00:00 +0100' + sep + b'MIME-Version: 1.0' + sep +
            b'Content-Type: ' + ct + b'; charset=utf-8' + sep + sep + html)

def html_mutation(r, m):
    k = r.randrange(8)
    n = r.choice([1000, 10_000, 50_000])
    if k == 0:
        html = b'<html><body>' + b'<div>' * n + b'Order total 12.00 EUR' + (b'</div>' * n if r.random() < 0.5 else b'')
    elif k == 1:
        html = b'<p>' + b'<b><i><table><tr><td><span>' * (n // 5) + b'x'
    elif k == 2:
        html = b'<a href="' + b'h' * (n * 100) + b'" title=\'' + b'x' * (n * 10)
    elif k == 3:
        html = b'<p>' + b''.join(r.choice([b'&amp', b'&#', b'&#x', b'&#99999999999;', b'&#x110000;', b'&#0;', b'&zzzz;', b'&lt', b'&#xD800;', b'&']) for _ in range(n * 5))
    elif k == 4:
        html = b'<html><head><' + r.choice([b'script', b'style', b'title', b'textarea', b'!--', b'![CDATA[', b'xmp', b'noscript']) + b'>' + b'<p>order</p>' * n
    elif k == 5:
        html = b'<' * n + b'>' * n + b'</' * n + b'<!' * n
    elif k == 6:
        _, _, body = split(m)
        cut = r.randrange(0, max(1, len(body)))
        html = body[:cut] + b'<table' + b'<' * 10
    else:
        html = b'<svg><math><template><select><frameset><table>' * (n // 10)
    return html_mail(r, html)

def jsonld_mutation(r, m):
    k = r.randrange(6)
    n = r.choice([1000, 10_000, 100_000])
    if k == 0:
        j = b'{"@context":"https://schema.org","@type":"Order","acceptedOffer":[' + b','.join(
            b'{"@type":"Offer","itemOffered":{"@type":"Product","name":"Item %d"},"price":"%d.99","priceCurrency":"EUR"}' % (i, i) for i in range(n)) + b']}'
    elif k == 1:
        j = b'{"@type":"Order","a":' * n + b'1' + b'}' * (n if r.random() < 0.5 else 0)
    elif k == 2:
        j = b'[' * n + b']' * (n // 2)
    elif k == 3:
        j = b'{"@context":"https://schema.org","@type":"Order","orderNumber":"' + b'9' * n + b'","price":"' + b'1' * 500 + b'.' + b'9' * 500 + b'","orderDate":"99999-99-99T99:99"}'
    elif k == 4:
        j = b'{"@context":"https://schema.org","@type":"Order","@id":"#a","partOfOrder":{"@id":"#a"},"orderedItem":{"@id":"#a"}}'
    else:
        j = b'{"@type":"Order","orderNumber":"12' + b'\\u' * n + b'\\uD800\\uDFFF\\"'
    html = b'<html><head><script type="application/ld+json">' + j + (b'</script>' if r.random() < 0.7 else b'') + b'</head><body>Order</body></html>'
    return html_mail(r, html)

def table_mutation(r, m):
    rows = r.choice([1000, 5000, 20000])
    cells = r.choice([1, 5, 50, 2000])
    if cells * rows > 2_000_000:
        rows = 2_000_000 // cells
    row = b'<tr>' + b''.join(b'<td>Item %d</td>' % c for c in range(cells - 1)) + b'<td>1,00 \xe2\x82\xac</td></tr>'
    html = b'<table><tr><th>Article</th><th>Prix</th></tr>' + row * rows + (b'</table>' if r.random() < 0.5 else b'')
    return html_mail(r, html)

def money_mutation(r, m):
    amt = r.choice([b'9' * 400 + b',99 \xe2\x82\xac', b'EUR ' + b'1' * 10000, b'$' + b'1,' * 5000 + b'00', b'1e999999 USD',
                    b'-' * 500 + b'5.00 EUR', b'\xe2\x82\xac' * 5000 + b'1', b'0.' + b'0' * 10000 + b'1 GBP',
                    b'Total: ' + b'12.34 EUR ' * 20000, b'9223372036854775808.99 USD', b'NaN EUR', b'\xef\xbc\x91\xef\xbc\x92,00 \xe2\x82\xac'])
    body = b'Order number: A' + b'1' * r.randrange(1, 300) + b'\nTotal: ' + amt + b'\nQty: ' + b'9' * r.randrange(1, 100) + b' x Widget 10.00 EUR\n'
    return html_mail(r, body, ct=b'text/plain') if r.random() < 0.5 else html_mail(r, b'<p>' + body.replace(b'\n', b'<br>') + b'</p>')

def date_mutation(r, m):
    d = r.choice([b'Mon, 32 Foo 99999999999 25:61:61 +9999', b'Thu, 1 Jan -4000 00:00:00 +0000', b'Fri, 31 Dec 9999999 23:59:59 -2400',
                  b'1 Jan 1 0:0:0 GMT', b'Sat, 99999999999999999999 Jan 2026 10:00:00 +0100', b'', b'\x00', b'Tue, 2 Nov 2026 10:00:00 +' + b'9' * 50,
                  b'2026-11-02T10:00:00' + b'Z' * 1000, b'Mon, 2 Nov 18446744073709551616 10:00:00 +0100'])
    h, sep, b = split(m)
    h = re.sub(rb'(?im)^Date:.*$', b'', h)
    body = b
    if r.random() < 0.5:
        body = b'Delivery expected on ' + d + b'\nOrder date: 31/02/99999\nLivraison le 45 brumaire 123456789\n' + body
    return h + sep + b'Date: ' + d + sep + sep + body

def mbox_mutation(r, m):
    # The file starts with "From " so the reader splits it as an mbox: many tiny or broken
    # messages, separators inside headers, ">From " quoting, no final newline.
    pieces = []
    for i in range(r.randrange(2, 2000)):
        piece = r.choice([m[:r.randrange(0, 2000)], b'', b'From \n', b'>From x\n', b'Subject: %d\n\nbody\nFrom inside body\n' % i])
        pieces.append(b'From sender@example.com Mon Nov  2 10:00:00 2026\n' + piece)
    return b'\n'.join(pieces).rstrip(b'\n')

KINDS = {
    'mbox': mbox_mutation,
    'truncate': truncate, 'boundary': boundary_mutation, 'nested': nested_multipart, 'hugeheader': huge_header,
    'manyheaders': many_headers, 'control': control_bytes, 'charset': charset_mutation, 'transfer': transfer_mutation,
    'encword': encoded_words, 'html': html_mutation, 'jsonld': jsonld_mutation, 'table': table_mutation,
    'money': money_mutation, 'date': date_mutation,
}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--count', type=int, default=1000)
    ap.add_argument('--batch', type=int, default=100)
    ap.add_argument('--seed-dir', action='append', default=[])
    ap.add_argument('--max-seeds-per-dir', type=int, default=200)
    ap.add_argument('--kinds', default=','.join(KINDS))
    ap.add_argument('--random-seed', type=int, default=1)
    a = ap.parse_args()
    r = random.Random(a.random_seed)
    pool = seeds(a.seed_dir or ['Samples'], a.max_seeds_per_dir)
    if not pool:
        sys.exit('no seed mail found')
    kinds = a.kinds.split(',')
    for i in range(a.count):
        kind = kinds[i % len(kinds)]
        m = r.choice(pool)
        mutant = KINDS[kind](r, m)
        if r.random() < 0.15:  # stack a second mutation now and then
            mutant = KINDS[r.choice(kinds)](r, mutant)
        d = os.path.join(a.out, 'batch%03d' % (i // a.batch))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, '%s-%05d.eml' % (kind, i)), 'wb') as fh:
            fh.write(mutant)
    print(f'{a.count} mutants from {len(pool)} seeds in {a.out}', file=sys.stderr)

if __name__ == '__main__':
    main()
