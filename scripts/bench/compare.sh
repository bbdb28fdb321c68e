#!/usr/bin/env bash
# One run of Pillow, libvips and the resizer on the same files, one thread each, in-process after
# warm-up, fit SIZE x SIZE, JPEG quality 75 (the seed's job), then a table: ms per image for each
# engine and the ratio of the resizer to the faster peer. Compare ratios, not milliseconds.
# Needs python3-pil, libvips-dev and gcc (installed with apt-get when missing and run as root).
# Usage: scripts/bench/compare.sh [SIZE] [ROUNDS] IMAGE...     (defaults 1000, 10)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
size=1000; rounds=10
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then size=$1; shift; fi
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then rounds=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: $0 [SIZE] [ROUNDS] IMAGE..." >&2; exit 2; }
need=()
/usr/bin/python3 -c 'import PIL' 2>/dev/null || need+=(python3-pil)
pkg-config --exists vips 2>/dev/null || need+=(libvips-dev pkg-config)
command -v gcc >/dev/null || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "missing ${need[*]}: install them first" >&2; exit 1; }
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
bin=${TMPDIR:-/tmp}/resizer-vips-thumbnail
[ "$bin" -nt "$here/vips_thumbnail.c" ] || gcc -O2 "$here/vips_thumbnail.c" -o "$bin" $(pkg-config --cflags --libs vips)
out=$(mktemp); trap 'rm -f "$out"' EXIT
/usr/bin/python3 "$here/pillow_thumbnail.py" "$size" "$rounds" "$@" | tee -a "$out"
"$bin" "$size" "$rounds" "$@" | tee -a "$out"
"$root/resizer" bench --size "$size" --rounds "$rounds" "$@" | tee -a "$out"
echo
awk -F'\t' '
  $3 ~ / ms$/ { ms = $3 + 0; t[$2, $1] = ms; if (!($2 in seen)) { seen[$2] = 1; order[n++] = $2 } }
  END {
    printf "| file | Pillow ms | libvips ms | resizer ms | ratio to the faster peer |\n|---|---|---|---|---|\n"
    for (i = 0; i < n; i++) {
      f = order[i]; p = t[f, "pillow"]; v = t[f, "vips"]; r = t[f, "resizer"]
      best = (p > 0 && (v == 0 || p < v)) ? p : v
      printf "| %s | %s | %s | %s | %s |\n", f, p ? sprintf("%.1f", p) : "-", v ? sprintf("%.1f", v) : "-",
        r ? sprintf("%.1f", r) : "-", (best > 0 && r > 0) ? sprintf("%.2f", r / best) : "-"
    }
  }' "$out"
