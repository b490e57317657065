# Sourced (POSIX sh) by ./mvnw, ./shall and .ci/run: make JAVA_HOME point at a JDK >= 21.
# The Eclipse bundles and Tycho need Java 21, while our machines default to JDK 17, so a
# JAVA_HOME or `java` on the PATH that is too old is replaced by the newest JDK found in the
# usual install folders. Nothing is changed when the current JDK is already new enough.

shall_jdk_major() {
  # prints the feature version of the JDK at $1 (e.g. 17, 21, 25), or nothing
  [ -x "$1/bin/java" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

shall_select_jdk() {
  shall_required=21
  if [ -n "${JAVA_HOME-}" ]; then
    shall_v=$(shall_jdk_major "$JAVA_HOME")
    if [ -n "$shall_v" ] && [ "$shall_v" -ge "$shall_required" ]; then return 0; fi
  elif command -v java >/dev/null 2>&1; then
    shall_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    shall_v=$(shall_jdk_major "$shall_home")
    if [ -n "$shall_v" ] && [ "$shall_v" -ge "$shall_required" ]; then
      JAVA_HOME=$shall_home; export JAVA_HOME; return 0
    fi
  fi
  shall_best= ; shall_best_v=0
  # callers such as mvnw run under `set -f`; the search below needs globbing
  shall_noglob=false; case $- in *f*) shall_noglob=true; set +f;; esac
  for shall_candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$shall_candidate" ] || continue
    shall_v=$(shall_jdk_major "$shall_candidate")
    [ -n "$shall_v" ] || continue
    if [ "$shall_v" -ge "$shall_required" ] && [ "$shall_v" -gt "$shall_best_v" ]; then
      shall_best=$shall_candidate; shall_best_v=$shall_v
    fi
  done
  if $shall_noglob; then set -f; fi
  if [ -z "$shall_best" ]; then
    echo "shall: a JDK ${shall_required} or newer is required (the Eclipse bundles need it), but none was found." >&2
    echo "shall: the current one is ${JAVA_HOME:-$(command -v java || echo 'not installed')}; install e.g. Temurin 21+ and set JAVA_HOME." >&2
    return 1
  fi
  JAVA_HOME=$shall_best; export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"; export PATH
}
