#!/usr/bin/env bash
# Backfill throughput against rendering alone, on the same photos and cores.
#
#   scripts/bench/backfill-throughput.sh [N]        (N photos, default 300)
#
# 1. Makes N distinct 12 MP JPEGs (make-photos.py; bases: /work/shared/corpus/phone-[ab].jpg when
#    present, else synthetic), kept in $BACKFILL_PHOTOS for the next run.
# 2. Starts ./resizer serve on a free port with a fresh data dir and the default renditions
#    (thumb 320, medium 1000, large 2048), watching a prefix nobody writes to, so uploads make real
#    objects in its filesystem backend without triggering any processing.
# 3. Uploads the photos with the aws CLI to s3://incoming/, then times a whole
#    `./resizer backfill --endpoint ... --concurrency C` process (JVM start included) and checks
#    that all 3N renditions are there.
# 4. Render-only: `./resizer bench --renditions 320,1000,2048` on a sample of the same photos,
#    one thread (rate x cores), and two bench processes at once on halves of the sample (the
#    measured rate of two cores rendering only).
# Prints images/s for each, the CPU time (user + system) per image of the backfill, the server
# (while the backfill runs) and bench, and the ratios. Environment: BACKFILL_CONCURRENCY (2),
# BENCH_SAMPLE (photos benched, 24),
# PROFILE_DIR (JFR recordings serve.jfr and backfill.jfr of the backfill go there),
# SERVE_JAVA_OPTS, BENCH=0 skips the render-only part, KEEP_WORK=1 keeps the server log and data
# dir. Needs: aws CLI, python3 with Pillow.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-300}
concurrency=${BACKFILL_CONCURRENCY:-2}
sample=${BENCH_SAMPLE:-24}
photos=${BACKFILL_PHOTOS:-${TMPDIR:-/tmp}/resizer-backfill-photos-$count}
cores=$(nproc)
python=$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || command -v python3 )
aws_bin=$( [ -x /usr/bin/aws ] && echo /usr/bin/aws || command -v aws )
work=$(mktemp -d)
export AWS_ACCESS_KEY_ID=resizer AWS_SECRET_ACCESS_KEY=resizer-secret AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
printf '[default]\ns3 =\n  multipart_threshold = 64MB\n  max_concurrent_requests = 4\n' > "$AWS_CONFIG_FILE"
: > "$AWS_SHARED_CREDENTIALS_FILE"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work dir kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
now() { date +%s.%N; }
# CPU seconds (user + system) of a live process, in clock ticks; and of the children a subshell waited for.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
children_cpu() { awk 'NR == 2 { split($1 $2, t, /[ms]/); print 60 * t[1] + t[2] + 60 * t[3] + t[4] }' "$1"; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", n / (b - a) }'; }

"$root/resizer" --version >/dev/null
if [ "$(find "$photos" -name 'photo-*.jpg' 2>/dev/null | wc -l)" -ne "$count" ]; then
  echo "making $count photos in $photos ..."
  rm -rf "$photos"
  # shellcheck disable=SC2046
  "$python" "$root/scripts/bench/make-photos.py" "$count" "$photos" $(ls /work/shared/corpus/phone-[ab].jpg 2>/dev/null || true)
fi
echo "photos: $count x 12 MP, $(du -sm "$photos" | cut -f1) MB; cores: $cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
RESIZER_SOURCE_PREFIX=not-watched/ RESIZER_JAVA_OPTS="${SERVE_JAVA_OPTS:-}" \
  "$root/resizer" serve --port "$port" --data "$work/data" --dashboard-port -1 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do
  grep -q "Ctrl-C stops" "$work/serve.log" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "server exited during start" >&2; exit 1; }
  sleep 0.5
done
"$aws_bin" --endpoint-url "$endpoint" s3 cp --recursive --quiet "$photos" s3://incoming/photos/
stored=$(find "$work/data/incoming" -type f -name 'photo-*.jpg' | wc -l)
[ "$stored" -eq "$count" ] || { echo "expected $count stored photos, found $stored" >&2; exit 1; }

backfill_opts=""
if [ -n "${PROFILE_DIR:-}" ]; then # JFR of both processes, the server's only while the backfill runs
  mkdir -p "$PROFILE_DIR"
  jcmd=$(dirname "$(readlink -f "/proc/$server/exe")")/jcmd
  "$jcmd" "$server" JFR.start name=backfill settings=profile filename="$PROFILE_DIR/serve.jfr" >/dev/null
  backfill_opts="-XX:StartFlightRecording=filename=$PROFILE_DIR/backfill.jfr,settings=profile"
fi
serve_cpu0=$(cpu_ticks "$server")
t0=$(now)
( RESIZER_JAVA_OPTS="$backfill_opts" "$root/resizer" backfill --endpoint "$endpoint" \
    --concurrency "$concurrency" --progress-every 60 > "$work/backfill.log" 2>&1 \
    || { cat "$work/backfill.log" >&2; exit 1; }
  times > "$work/backfill.times" )
t1=$(now)
serve_cpu=$(awk -v a="$serve_cpu0" -v b="$(cpu_ticks "$server")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz }')
backfill_cpu=$(children_cpu "$work/backfill.times")
[ -n "${PROFILE_DIR:-}" ] && "$jcmd" "$server" JFR.stop name=backfill >/dev/null
made=$(find "$work/data/resized" -type f -name 'photo-*.jpg' | wc -l)
[ "$made" -eq $((count * 3)) ] || { cat "$work/backfill.log" >&2; echo "expected $((count * 3)) renditions, found $made" >&2; exit 1; }
tail -n 1 "$work/backfill.log"
backfill=$(rate "$count" "$t0" "$t1")
echo "backfill: $count photos in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s (whole process), concurrency $concurrency: $backfill images/s"
echo "backfill CPU: $backfill_cpu s in backfill + $serve_cpu s in serve = $(awk -v a="$backfill_cpu" -v b="$serve_cpu" -v n="$count" 'BEGIN { printf "%.0f", 1000 * (a + b) / n }') ms per image"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
[ "${BENCH:-1}" = 0 ] && exit 0

# Render-only on an evenly spread sample of the same photos, quality 80 as the default renditions.
mapfile -t all < <(find "$photos" -name 'photo-*.jpg' | sort)
step=$(( count / sample > 0 ? count / sample : 1 ))
picked=(); for ((i = 0; i < count && ${#picked[@]} < sample; i += step)); do picked+=("${all[$i]}"); done
bench() { "$root/resizer" bench --renditions 320,1000,2048 --quality 80 --warmup 1 --warmup-seconds 0 --rounds 2 "$@"; }
mean_rate() { awk -F'\t' '$3 ~ / ms$/ { sum += $3 + 0; n++ } END { printf "%.3f", 1000 * n / sum }'; }
one=$( (bench "${picked[@]}"; times > "$work/bench.times") | mean_rate)
bench_cpu=$(children_cpu "$work/bench.times")
half=$(( ${#picked[@]} / 2 ))
bench "${picked[@]:0:$half}" > "$work/bench-a.txt" & a=$!
bench "${picked[@]:$half}" > "$work/bench-b.txt" & b=$!
wait "$a" "$b"
two=$(awk -v x="$(mean_rate < "$work/bench-a.txt")" -v y="$(mean_rate < "$work/bench-b.txt")" 'BEGIN { printf "%.2f", x + y }')
scaled=$(awk -v r="$one" -v c="$cores" 'BEGIN { printf "%.2f", r * c }')
echo "render-only, one thread: $one images/s; x $cores cores: $scaled images/s"
echo "render-only, two processes at once: $two images/s"
echo "render-only CPU: $bench_cpu s for $(( ${#picked[@]} * 3 )) renders = $(awk -v a="$bench_cpu" -v n="$(( ${#picked[@]} * 3 ))" 'BEGIN { printf "%.0f", 1000 * a / n }') ms per image (whole process, warm-up round included)"
awk -v a="$bench_cpu" -v n="$(( ${#picked[@]} * 3 ))" -v b="$backfill_cpu" -v c="$serve_cpu" -v m="$count" \
  'BEGIN { printf "ratio of CPU per image, render-only / backfill: %.2f\n", (a / n) / ((b + c) / m) }'
awk -v b="$backfill" -v s="$scaled" -v t="$two" \
  'BEGIN { printf "ratio backfill / render-only: %.2f (one thread x cores), %.2f (two at once)\n", b / s, b / t }'
