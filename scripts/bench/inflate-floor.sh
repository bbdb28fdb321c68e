#!/usr/bin/env bash
# How much of a PNG's or deflate TIFF's time is zlib alone: every zlib stream of each file (a PNG's
# IDAT chunks joined; a TIFF's strips) inflated whole, best of 15, by Python's zlib (the system
# library Pillow and libvips link) and by the JDK's Inflater (the resizer's). Compare each with the
# file's total in scripts/bench/compare.sh: what is left is decoding and resizing proper.
# Needs python3-pil (to read TIFF tags). Usage: scripts/bench/inflate-floor.sh FILE...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
. "$root/.mvn/select-jdk.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf 'file\tsystem zlib ms\tJDK Inflater ms\tinflated bytes\n'
for f in "$@"; do
  name=$(basename "$f")
  /usr/bin/python3 - "$f" "$work/streams" <<'PY'
import struct, sys, time, zlib
from PIL import Image
path, out = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
if data[:8] == b'\x89PNG\r\n\x1a\n':
    chunks, i = [], 8
    while i + 8 <= len(data):
        n, kind = struct.unpack('>I4s', data[i:i + 8])
        if kind == b'IDAT':
            chunks.append(data[i + 8:i + 8 + n])
        i += 12 + n
    streams = [b''.join(chunks)]
else:
    tags = Image.open(path).tag_v2
    streams = [data[o:o + c] for o, c in zip(tags[273], tags[279])]
with open(out, 'wb') as o:
    for s in streams:
        o.write(struct.pack('>I', len(s)) + s)
best = float('inf')
for _ in range(15):
    start = time.perf_counter()
    for s in streams:
        zlib.decompress(s)
    best = min(best, time.perf_counter() - start)
with open(out + '.py', 'w') as o:
    o.write(f"{best * 1000:.1f}\t")
PY
  jdk=$("$JAVA_HOME/bin/java" "$here/InflateTime.java" "$work/streams")
  printf '%s\t%s%s\n' "$name" "$(cat "$work/streams.py")" "$jdk"
done
