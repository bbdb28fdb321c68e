#!/usr/bin/env bash
# Builds the benchmark corpus (the kinds of file people upload) from photographs and artwork in
# Debian's plasma-workspace-wallpapers package: 12 MP phone JPEGs (EXIF-rotated with GPS,
# progressive, Display P3), a 24 MP 4:2:2 camera JPEG, an Adobe RGB camera JPEG, CMYK; PNGs (logo
# with alpha, RGB graphic, RGBA photo, palette, 16-bit); WebP (lossy, lossless, alpha); TIFF; an
# animated GIF. Needs imagemagick, libimage-exiftool-perl, libvips-tools, webp, gifsicle and
# libgs-common (its ICC profiles; installed with apt-get when run as root).
# Usage: scripts/bench/make-corpus.sh [OUTPUT_DIR]     (default: target/corpus)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd); out=${1:-$root/target/corpus}
mkdir -p "$out"; work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
need=()
for pkg in imagemagick libimage-exiftool-perl libvips-tools webp gifsicle libgs-common; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "missing ${need[*]}: install them first" >&2; exit 1; }
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
(cd "$work" && apt-get download plasma-workspace-wallpapers >/dev/null && dpkg -x plasma-workspace-wallpapers_*.deb x)
wp="$work/x/usr/share/wallpapers"
img() { echo "$wp/$1/contents/images/${2:-2560x1600.jpg}"; }
quad() { # four wallpapers in a 2x2 grid, filled and cropped to WxH
  convert \( "$(img "$1")" "$(img "$2")" +append \) \( "$(img "$3")" "$(img "$4")" +append \) -append \
    -resize "$5^" -gravity center -extent "$5" "${@:6}"
}
quad summer_1am Kite ColorfulCups Path 4032x3024 -sampling-factor 2x2 -quality 92 "$out/phone-a.jpg"
quad DarkestHour Autumn BytheWater FallenLeaf 4032x3024 -sampling-factor 2x2 -quality 92 "$out/phone-b.jpg"
quad EveningGlow Grey OneStandsOut ColdRipple 3024x4032 -rotate -90 -sampling-factor 2x2 -quality 92 "$out/phone-portrait-exif6.jpg"
exiftool -q -overwrite_original -Make=Apple -Model="iPhone 12" -Orientation#=6 \
  -GPSLatitude=42.0565 -GPSLatitudeRef=N -GPSLongitude=87.6753 -GPSLongitudeRef=W "$out/phone-portrait-exif6.jpg"
convert "$out/phone-b.jpg" -interlace Plane -quality 90 "$out/phone-progressive.jpg"
quad Path summer_1am Kite DarkestHour 6000x4000 -sampling-factor 2x1 -quality 95 "$out/camera-24mp.jpg"
convert "$(img BytheWater)" -colorspace CMYK -quality 90 "$out/print-cmyk.jpg"
quad Grey Autumn summer_1am ColorfulCups 4032x3024 "$work/p3.png"
vips icc_transform "$work/p3.png" "$out/phone-p3.jpg[Q=93,subsample_mode=on]" p3 --input-profile srgb
quad EveningGlow Kite Path BytheWater 4500x3000 -profile /usr/share/color/icc/ghostscript/srgb.icc \
  -profile /usr/share/color/icc/ghostscript/a98.icc -sampling-factor 2x1 -quality 92 "$out/camera-adobergb.jpg"
convert -size 2000x2000 xc:none -fill "rgba(20,90,200,0.85)" -draw "roundrectangle 200,200 1800,1800 150,150" \
  -fill "rgba(255,200,0,1)" -draw "circle 1000,1000 1000,600" "$out/logo-alpha.png"
convert "$(img SafeLanding 5120x2880.jpg)" -resize 2560x1440 "$out/graphic.png"
convert "$(img ColorfulCups)" -resize 2400x1500 \( -size 2400x1500 xc:black -fill white \
  -draw "ellipse 1200,750 1000,650 0,360" -blur 0x20 \) -alpha off -compose CopyOpacity -composite "$out/photo-cutout.png"
convert "$(img Kay 5120x2880.png)" -resize 1600x900 -colors 128 PNG8:"$out/icon-palette.png"
convert "$(img FallenLeaf)" -resize 1800x1125 -depth 16 "$out/photo-16bit.png"
convert "$(img OneStandsOut)" -resize 3000x1875 "$work/w.png" && cwebp -quiet -q 82 "$work/w.png" -o "$out/photo.webp"
convert "$(img Altai 5120x2880.png)" -resize 2560x1440 "$work/a.png" && cwebp -quiet -lossless "$work/a.png" -o "$out/graphic-lossless.webp"
cwebp -quiet -q 80 -alpha_q 90 "$out/photo-cutout.png" -o "$out/photo-alpha.webp"
convert "$(img DarkestHour)" -resize 2400x1500 -compress zip "$out/photo.tiff"
convert "$(img summer_1am)" -resize 900x560 "$work/g.png"
for i in $(seq -w 0 23); do convert "$work/g.png" -crop "600x375+$((10#$i * 16))+$((10#$i * 10))" +repage "$work/f$i.gif"; done
gifsicle --delay 8 --loop --colors 256 "$work"/f*.gif > "$out/animated.gif"
ls -l "$out"
