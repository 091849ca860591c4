# JDK discovery shared by ./tongban and bench/run.sh (sourced, not run). `use_jdk` exports JAVA_HOME: $JAVA_HOME when
# it is a JDK 21 or newer, otherwise the newest JDK >= 21 under /usr/lib/jvm, /opt/java or /usr/local/java (e.g.
# Temurin 25 beside the system's Java 17), otherwise the javac on the PATH if that is new enough.

java_major() { # prints the major version of the java binary in $1/bin/java, or 0
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1) || true
  echo "${v:-0}"
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d")
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v=$v; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    [ "$(java_major "$d")" -ge 21 ] && best="$d"
  fi
  echo "$best"
}

use_jdk() { # exports JAVA_HOME (and puts its bin first on PATH) or exits with advice
  local jdk
  jdk=$(find_jdk)
  if [ -z "$jdk" ]; then
    echo "Tongban needs a JDK 21 or newer (Temurin 21/25 recommended). Install one, or set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}
