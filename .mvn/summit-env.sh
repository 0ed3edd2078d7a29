# Sourced by ./summit and bench/*.sh: finds a JDK 21+ and sets the environment every build needs.
# shellcheck shell=bash
# --- find a JDK 21+ -----------------------------------------------------------
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d" 2>/dev/null || echo 0)
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  [ -n "$best" ] && echo "$best"
}
JDK=$(find_jdk || true)
if [ -z "$JDK" ]; then
  echo "Summit needs a JDK 21 or newer. Set JAVA_HOME to one, or install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21/25 under /usr/lib/jvm." >&2
  exit 1
fi
export JAVA_HOME=$JDK
export PATH="$JAVA_HOME/bin:$PATH"
JAVA_VERSION=$(java_major "$JAVA_HOME")
JVM_FLAGS=(-Dfile.encoding=UTF-8)
if [ "$JAVA_VERSION" -ge 24 ]; then JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED); fi

# Nothing phones home: IBM's telemetry in @carbon packages, npm's update and audit calls.
export IBM_TELEMETRY_DISABLED=true
export npm_config_update_notifier=false npm_config_audit=false npm_config_fund=false
export MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx1g ${JVM_FLAGS[*]}"
