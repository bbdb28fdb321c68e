#!/usr/bin/env bash
# The first seconds of a process, each in fresh processes, repeated RUNS times (median and range):
#  (a) ./resizer resize of one 12 MP photo to 1000x1000, wall clock, against Pillow (python3,
#      thumbnail((1000,1000))) and libvips (vipsthumbnail), each started fresh;
#  (b) the Lambda handler from the unzipped resizer-lambda.zip in one fresh JVM: init (JVM launch to
#      handler built), first invoke, invokes 2..INVOKES (thumb, medium, large of the photo, a new key
#      each), with the managed runtime's default JIT flags and with the template's JavaToolOptions;
#  (c) as (b), with the SnapStart priming hook (beforeCheckpoint/afterRestore) run before invoke 1.
# S3 is ./resizer serve on a free port. Usage: scripts/cold-start.sh [PHOTO.jpg]; without a photo
# it makes a 4032x3024 JPEG with ImageMagick. Environment: RUNS (5), INVOKES (20), PIN (a CPU list
# for taskset, e.g. 1: one core, as a 1769 MB function has), SKIP (a, b or c: parts to leave out),
# COLD_ZIP (another build's resizer-lambda.zip, to compare).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
invokes=${INVOKES:-20}
skip=${SKIP:-}
work=$(mktemp -d)
port=${COLD_PORT:-19300}
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
pin=()
[ -n "${PIN:-}" ] && pin=(taskset -c "$PIN")

. "$root/.mvn/select-jdk.sh"
java="$JAVA_HOME/bin/java"
"$root/resizer" --version >/dev/null
zip=${COLD_ZIP:-$root/resizer-lambda/target/resizer-lambda.zip}
if [ -z "${COLD_ZIP:-}" ] && { [ ! -f "$zip" ] || [ -n "$(find "$root/resizer-lambda/src" "$root/resizer-service/src/main" "$root/resizer-core/src/main" -newer "$zip" -print -quit)" ]; }; then
  "$root/mvnw" -q -f "$root/pom.xml" -pl resizer-lambda -am -DskipTests package >&2
fi

photo=${1:-}
if [ -z "$photo" ]; then
  photo="$work/photo.jpg"
  convert -size 4032x3024 plasma:fractal -blur 0x1 -quality 92 "$photo"
fi
echo "photo: $photo ($(stat -c %s "$photo") bytes); java: $("$java" -version 2>&1 | sed -n 1p); runs: $runs"

ms_now() { date +%s%3N; }
# Prints "median (min-max)" of the numbers on stdin.
summary() { sort -n | awk '{v[NR]=$1} END {if (NR==0) {print "-"; exit} m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%s (%s-%s)\n", m, v[1], v[NR]}'; }
median() { summary | cut -d' ' -f1; }
# Runs a command, prints "WALL_MS CPU_MS" (CPU of the process and its children, from GNU time; 0 without it).
wall_ms() {
  local s cpu=0
  s=$(ms_now)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$work/time" "$@" >/dev/null 2>&1
    cpu=$(awk '{printf "%.0f", ($1 + $2) * 1000}' "$work/time")
  else
    "$@" >/dev/null 2>&1
  fi
  echo "$(( $(ms_now) - s )) $cpu"
}

if [[ $skip != *a* ]]; then
  python=""
  for candidate in python3 /usr/bin/python3; do
    "$candidate" -c 'import PIL' 2>/dev/null && { python=$candidate; break; }
  done
  [ -n "$python" ] || { echo "cold-start: no python3 with PIL (Pillow)" >&2; exit 1; }
  echo "== (a) one 12 MP photo to 1000x1000 JPEG q80, fresh process each, ms (cpu: user + sys)"
  for r in $(seq 1 "$runs"); do
    wall_ms "${pin[@]}" "$root/resizer" resize -o "$work/out-java" "$photo" >> "$work/a-java"
    wall_ms "${pin[@]}" "$python" -c "import sys; from PIL import Image; im = Image.open(sys.argv[1]); im.thumbnail((1000, 1000)); im.save(sys.argv[2], quality=80)" "$photo" "$work/pil.jpg" >> "$work/a-pil"
    wall_ms "${pin[@]}" vipsthumbnail --size 1000x1000 -o "$work/vips.jpg[Q=80]" "$photo" >> "$work/a-vips"
  done
  for tool in java:./resizer pil:Pillow vips:vipsthumbnail; do
    printf '%-14s wall %s  cpu %s\n' "${tool#*:}" "$(awk '{print $1}' "$work/a-${tool%%:*}" | summary)" \
      "$(awk '{print $2}' "$work/a-${tool%%:*}" | summary)"
  done
fi

[[ $skip == *b* && $skip == *c* ]] && exit 0
export AWS_ACCESS_KEY_ID=resizer AWS_SECRET_ACCESS_KEY=resizer-secret AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
: > "$AWS_CONFIG_FILE"; : > "$AWS_SHARED_CREDENTIALS_FILE"
endpoint="http://127.0.0.1:$port"
s3() { aws --endpoint-url "$endpoint" "$@"; }
"$root/resizer" serve --port "$port" --data "$work/data" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do
  grep -q "Ctrl-C stops" "$work/serve.log" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
s3 s3 mb s3://cold-src >/dev/null && s3 s3 mb s3://cold-dst >/dev/null
mkdir -p "$work/upload"
keys=()
for i in $(seq -w 1 "$invokes"); do cp "$photo" "$work/upload/$i.jpg"; keys+=("photos/$i.jpg"); done
s3 s3 cp --recursive --quiet "$work/upload" s3://cold-src/photos/

mkdir -p "$work/task" "$work/harness"
(cd "$work/task" && unzip -q "$zip")
javac -d "$work/harness" -cp "$work/task:$work/task/lib/*" "$root/scripts/LambdaColdStart.java"
export AWS_ENDPOINT_URL_S3="$endpoint" RESIZER_SOURCE_BUCKET=cold-src RESIZER_DESTINATION_BUCKET=cold-dst
export RESIZER_RENDITIONS=${RESIZER_RENDITIONS:-thumb=320;medium=1000;large=2048}
template_opts=$(sed -n '/^  JavaToolOptions:/,/Default:/s/^ *Default: *//p' "$root/template.yaml")

# One fresh JVM as the managed runtime starts it (serial GC, JIT stopped at C1 unless
# JAVA_TOOL_OPTIONS says otherwise); extra JVM flags from COLD_LAMBDA_OPTS. Appends the figures to $1.
lambda_run() { # file tool-options prime
  s3 s3 rm --recursive --quiet s3://cold-dst/
  local tiered="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  [[ $2 == *TieredStopAtLevel* ]] && tiered=""
  # shellcheck disable=SC2086
  JAVA_TOOL_OPTIONS="$2" "${pin[@]}" "$java" -XX:+UseSerialGC $tiered ${COLD_LAMBDA_OPTS:-} \
    -cp "$work/harness:$work/task:$work/task/lib/*" LambdaColdStart "$(ms_now)" "$3" cold-src "${keys[@]}" \
    2>>"$work/lambda.log" | sed "s/^/$r /" >> "$1" || { tail -n 30 "$work/lambda.log" >&2; exit 1; }
}
report() { # file label
  local f=$1
  local late=$((invokes > 15 ? 16 : 2))
  echo "-- $2 (ms; warm = median of invokes $late-$invokes in the same JVM; cpu = the process's, all threads)"
  for phase in init prime; do
    grep -q " $phase " "$f" && printf '%-12s %s\n' "$phase" "$(awk -v p="$phase" '$2==p {print $3}' "$f" | summary)"
  done
  for n in 1 2 5; do
    printf '%-12s %s\n' "invoke $n" "$(awk -v n="$n" '$2=="invoke" && $3==n {print $4}' "$f" | summary)"
    printf '%-12s %s\n' "  cpu" "$(awk -v n="$n" '$2=="invoke" && $3==n {print $6}' "$f" | summary)"
  done
  : > "$f.ratios"
  for run in $(awk '{print $1}' "$f" | sort -u); do
    local ratios=""
    for column in 4 6; do
      local warm first fifth
      warm=$(awk -v r="$run" -v late="$late" -v c="$column" '$1==r && $2=="invoke" && $3>=late {print $c}' "$f" | median)
      first=$(awk -v r="$run" -v c="$column" '$1==r && $2=="invoke" && $3==1 {print $c}' "$f")
      fifth=$(awk -v r="$run" -v c="$column" '$1==r && $2=="invoke" && $3==5 {print $c}' "$f")
      ratios="$ratios $(awk -v w="$warm" -v a="$first" -v b="${fifth:-0}" 'BEGIN {printf "%.0f %.2f %.2f", w, a/w, b/w}')"
    done
    echo "$ratios" >> "$f.ratios"
  done
  printf '%-12s %s\n' "warm" "$(awk '{print $1}' "$f.ratios" | summary)"
  printf '%-12s %s\n' "1st/warm" "$(awk '{print $2}' "$f.ratios" | summary)"
  printf '%-12s %s\n' "5th/warm" "$(awk '{print $3}' "$f.ratios" | summary)"
  printf '%-12s %s\n' "warm cpu" "$(awk '{print $4}' "$f.ratios" | summary)"
  printf '%-12s %s\n' "1st/warm cpu" "$(awk '{print $5}' "$f.ratios" | summary)"
  printf '%-12s %s\n' "5th/warm cpu" "$(awk '{print $6}' "$f.ratios" | summary)"
}
for part in b c; do
  [[ $skip == *$part* ]] && continue
  prime=false; [ "$part" = c ] && prime=true
  echo "== ($part) Lambda handler, one fresh JVM per run, $invokes invokes (thumb, medium, large), priming: $prime"
  for r in $(seq 1 "$runs"); do
    lambda_run "$work/$part-default" "" "$prime"
    lambda_run "$work/$part-template" "$template_opts" "$prime"
  done
  report "$work/$part-default" "runtime defaults (-XX:TieredStopAtLevel=1)"
  report "$work/$part-template" "template JAVA_TOOL_OPTIONS: $template_opts"
done
