#!/usr/bin/env sh
# WebP renditions' bytes against JPEG at the same SSIM, and libwebp's encode time through the
# resizer against cwebp's. Usage: scripts/webp-vs-jpeg.sh OUT FILES...
# Makes, per file, a lossless PNG rendition (the reference), JPEG q80 (the default) and q75 (the
# peers' default), and WebP at every second quality from 50 to 96, all 1000 px; then
# WebpVsJpeg.java picks per file the smallest WebP whose SSIM reaches the JPEG's.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1
shift
. "$root/.mvn/select-jdk.sh"
webps=""
renditions="--rendition ref=1000,png --rendition j80=1000,jpeg,q80 --rendition j75=1000,jpeg,q75"
q=50
while [ $q -le 96 ]; do
  webps="$webps w$q"
  renditions="$renditions --rendition w$q=1000,webp,q$q"
  q=$((q + 2))
done
"$root/resizer" resize $renditions -o "$out" "$@" >/dev/null
for jpeg in j80 j75; do
  echo "== JPEG $jpeg"
  "$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp "$root/resizer-cli/target/resizer.jar" \
    "$root/scripts/WebpVsJpeg.java" "$out" $jpeg $webps
done
