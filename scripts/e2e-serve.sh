#!/usr/bin/env bash
# End-to-end check of local mode with an unmodified client: starts ./resizer serve on a free port
# with a fresh data dir, uploads with the aws CLI (keys with spaces and '+', a 12 MP JPEG by
# multipart), waits for the renditions, checks their size and Content-Type, deletes a source and
# sees its renditions go, then stops the server with SIGTERM. Needs: aws CLI, ImageMagick.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
port=${E2E_PORT:-19000}
endpoint="http://127.0.0.1:$port"
aws_bin=$( [ -x /usr/bin/aws ] && echo /usr/bin/aws || command -v aws )
convert=$( [ -x /usr/bin/convert ] && echo /usr/bin/convert || command -v convert )
identify=$( [ -x /usr/bin/identify ] && echo /usr/bin/identify || command -v identify )
export AWS_ACCESS_KEY_ID=resizer AWS_SECRET_ACCESS_KEY=resizer-secret AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_REQUEST_CHECKSUM_CALCULATION=when_required AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
printf '[default]\ns3 =\n  multipart_threshold = 1MB\n  multipart_chunksize = 5MB\n' > "$AWS_CONFIG_FILE"
: > "$AWS_SHARED_CREDENTIALS_FILE"
s3() { "$aws_bin" --endpoint-url "$endpoint" "$@"; }
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "E2E FAILED: $*" >&2; echo "--- server log" >&2; cat "$work/serve.log" >&2 || true; exit 1; }

echo "aws CLI: $("$aws_bin" --version 2>&1)"
"$root/resizer" --version >/dev/null
"$root/resizer" serve --port "$port" --data "$work/data" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  grep -q "Ctrl-C stops" "$work/serve.log" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || fail "server exited during start"
  sleep 0.5
done
grep -q "Ctrl-C stops" "$work/serve.log" || fail "server did not start in 60 s"
sed -n '1,20p' "$work/serve.log"

"$convert" -size 4032x3024 plasma:fractal -blur 0x1 -quality 92 "$work/big photo.jpg"
"$convert" -size 1200x800 gradient:navy-orange -quality 90 "$work/cat+dog.jpg"
echo "big photo.jpg: $("$identify" -format '%wx%h' "$work/big photo.jpg"), $(stat -c %s "$work/big photo.jpg") bytes"

s3 s3 cp "$work/cat+dog.jpg" "s3://incoming/holiday photos/my cat+dog.jpg"
s3 s3 cp "$work/big photo.jpg" "s3://incoming/big photo.jpg"

wait_for() { # bucket key
  for _ in $(seq 1 60); do
    s3 s3api head-object --bucket "$1" --key "$2" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  fail "s3://$1/$2 did not appear within 30 s"
}
check() { # key expected-WxH
  wait_for resized "$1"
  type=$(s3 s3api head-object --bucket resized --key "$1" --query ContentType --output text)
  [ "$type" = "image/jpeg" ] || fail "$1 has Content-Type $type"
  s3 s3 cp "s3://resized/$1" "$work/check.jpg" >/dev/null
  dims=$("$identify" -format '%wx%h' "$work/check.jpg")
  [ "$dims" = "$2" ] || fail "$1 is $dims, expected $2"
  echo "ok  s3://resized/$1  $dims  $type"
}
check "thumb/holiday photos/my cat+dog.jpg" 320x213
check "medium/holiday photos/my cat+dog.jpg" 1000x667
check "large/holiday photos/my cat+dog.jpg" 1200x800
check "thumb/big photo.jpg" 320x240
check "medium/big photo.jpg" 1000x750
check "large/big photo.jpg" 2048x1536
s3 s3 ls --recursive s3://resized/

s3 s3 rm "s3://incoming/holiday photos/my cat+dog.jpg"
for _ in $(seq 1 60); do
  left=$(s3 s3 ls --recursive s3://resized/ | grep -c "my cat+dog" || true)
  [ "$left" = 0 ] && break
  sleep 0.5
done
[ "$left" = 0 ] || fail "renditions of a deleted source are still there"
echo "ok  renditions removed after s3 rm"

kill -TERM "$server"
wait "$server" || true
server=""
grep -q "processed incoming/big photo.jpg" "$work/serve.log" || fail "server log has no processed line"
echo "--- server log"; cat "$work/serve.log"
echo "E2E PASSED"
