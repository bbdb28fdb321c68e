#!/usr/bin/env bash
# Output quality against a reference: for each image, libvips `thumbnail` (Lanczos3, the issue's
# reference) makes the reference rendition (in sRGB for files tagged with another profile); the
# resizer and Pillow (the seed's thumbnail call) make theirs as lossless PNG, so only resampling
# and colour handling are compared; then the PSNR of each against the reference is printed.
# Higher is closer. Needs libvips-tools and python3-pil.
# With FORMAT=jpeg both make JPEGs at quality 95 instead (4:2:0, as the product writes them; the
# resizer then takes its YCbCr-planes path), decoded and compared the same way.
# Usage: [GAP=2] [FORMAT=jpeg] scripts/quality.sh [SIZE] IMAGE...   (GAP: the resizer's --reducing-gap)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
size=1000
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then size=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: $0 [SIZE] IMAGE..." >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
format=${FORMAT:-png}
printf 'file\tpsnr_resizer_dB\tpsnr_pillow_dB\n'
for f in "$@"; do
  name=$(basename "$f"); stem=${name%.*}
  # One output folder per input: photo.tiff and photo.webp both make photo.png.
  "$root/resizer" resize --width "$size" --format "$format" --quality 95 ${GAP:+--reducing-gap "$GAP"} \
    -o "$work/ours/$name" "$f" >/dev/null
  # A file tagged with a profile other than sRGB (Display P3, Adobe RGB, ...): the reference is
  # converted to sRGB, as the product's output is (libvips alone would keep the source's space).
  export=()
  if /usr/bin/python3 -c 'import sys; from PIL import Image; p = Image.open(sys.argv[1]).info.get("icc_profile") or b""; sys.exit(0 if p and b"sRGB" not in p else 1)' "$f"; then
    export=(--export-profile srgb)
  fi
  if [[ "$f" == *.webp ]]; then
    # libvips thumbnail loads a WebP through libwebp's own scaler straight at the final size: its
    # output is libwebp's box average rather than Lanczos3 (and 1000x562 where rounding gives 563).
    # The reference for WebP is therefore libvips resize, Lanczos3, on the full decode, to the
    # size Pillow and the resizer round to.
    read -r w h < <(vipsheader -f width "$f" | tr '\n' ' '; vipsheader -f height "$f")
    read -r hs vs < <(/usr/bin/python3 -c 'import sys, math
w, h, s = map(int, sys.argv[1:]); k = s / max(w, h)
tw, th = (s, max(1, math.floor(h * k + 0.5))) if w >= h else (max(1, math.floor(w * k + 0.5)), s)
print(tw / w, th / h)' "$w" "$h" "$size")
    vips resize "$f" "$work/$stem-ref.png" "$hs" --vscale "$vs" --kernel lanczos3
  else
    vips thumbnail "$f" "$work/$stem-ref.png" "$size" --size down "${export[@]}"
  fi
  ext=png; [ "$format" = jpeg ] && ext=jpg
  /usr/bin/python3 - "$f" "$work/$stem-ref.png" "$work/ours/$name/$stem.$ext" "$size" "$name" <<'PY'
import io, sys
from PIL import Image, ImageChops, ImageOps, ImageStat
import math
src, ref_path, ours_path, size, name = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
def over_white(im):
    if im.mode in ("RGBA", "LA"):
        im = im.convert("RGBA"); bg = Image.new("RGB", im.size, (255, 255, 255)); bg.paste(im, mask=im.split()[3]); return bg
    return im.convert("RGB")
ref = over_white(Image.open(ref_path))
def psnr(a, b):
    if a.size != b.size:
        return float("nan")
    rms = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b)).rms
    mse = sum(r * r for r in rms) / len(rms)
    return float("inf") if mse == 0 else 10 * math.log10(255 * 255 / mse)
ours = Image.open(ours_path)
pil = Image.open(src)
pil.thumbnail((size, size))                     # the seed's call
if pil.size != ref.size:                        # the seed ignores EXIF orientation: give it a fair chance
    pil = ImageOps.exif_transpose(Image.open(src)); pil.thumbnail((size, size))
pil = over_white(pil)                           # compare over white, like the JPEG renditions
if ours_path.endswith(".jpg"):                  # the same encode settings for the seed's output
    buf = io.BytesIO(); pil.save(buf, "JPEG", quality=95); pil = Image.open(io.BytesIO(buf.getvalue()))
ours = over_white(ours)
print(f"{name}\t{psnr(ours, ref):.2f}\t{psnr(pil.convert('RGB'), ref):.2f}")
PY
done
