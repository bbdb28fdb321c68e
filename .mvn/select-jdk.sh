# Sourced by ./mvnw, ./resizer and .ci/run. Keeps JAVA_HOME when it is a JDK 21 or newer;
# otherwise picks the newest JDK >= 21 under /usr/lib/jvm (or the java on PATH if that is new
# enough) and exports JAVA_HOME. Prints nothing unless no suitable JDK exists.
__resizer_java_major() {
  # Every JDK's release file names its version (JAVA_VERSION="21.0.4", "25", "26-ea"); reading it
  # spares starting a JVM (about 35 ms of CPU) on every launch. Without one, ask java itself.
  __resizer_release="${1%/bin/java}/release"
  if [ -f "$__resizer_release" ]; then
    __resizer_major=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$__resizer_release")
    [ -n "$__resizer_major" ] && { echo "$__resizer_major"; return 0; }
  fi
  # The version line, wherever it is: with JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS set, the JVM first
  # says it picked them up. "25", "21.0.4" and "26-ea" all give their major. A java that fails gives
  # nothing (not a failed pipeline, which would end a caller running with set -e and pipefail), and
  # the second sed reads to the end, so nothing dies of a closed pipe.
  { "$1" -version 2>&1 || :; } | sed -n 's/^[A-Za-z]* version "\([0-9][0-9]*\)[^"]*".*/\1/p' | sed -n 1p
}
__resizer_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    m=$(__resizer_java_major "$JAVA_HOME/bin/java")
    [ "${m:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  best=""; best_major=0
  case $- in *f*) set +f; __resizer_noglob=1 ;; *) __resizer_noglob=0 ;; esac
  for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    m=$(__resizer_java_major "$home/bin/java")
    if [ "${m:-0}" -ge 21 ] 2>/dev/null && [ "$m" -gt "$best_major" ]; then best=$home; best_major=$m; fi
  done
  [ "$__resizer_noglob" = 1 ] && set -f
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    m=$(__resizer_java_major "$home/bin/java")
    [ "${m:-0}" -ge 21 ] 2>/dev/null && best=$home
  fi
  if [ -z "$best" ]; then
    echo "S3 Image Resizer needs a JDK 21 or newer: set JAVA_HOME to one (found none under /usr/lib/jvm)" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
__resizer_pick_jdk && export RESIZER_JDK="$JAVA_HOME"
