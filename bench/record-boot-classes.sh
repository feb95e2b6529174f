#!/usr/bin/env bash
# Records the classes a demo-mode boot of the engine loads, in the order it loads them, into
# infra/src/main/resources/META-INF/meshgov/boot-classes.txt.gz, which BootClassPreloader loads
# ahead of the main thread (ADR 16). Run it after dependency upgrades or large changes, from the
# repository's root, after `./mvnw -B -DskipTests install`. It boots twice: on an empty data
# directory, then again on it (a restart loads a few classes the first boot does not).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && ./mvnw -B -q -pl infra dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt")
classpath="$root/infra/target/classes:$(cat "$work/classpath.txt")"

boot() {
  local log=$1
  MESHGOV_DEMO=true MESHGOV_PORT=0 MESHGOV_DATA_DIR="$work/data" MESHGOV_STARTUP_PARALLEL=false \
    java "-Xlog:class+load=info:file=$log" -cp "$classpath" org.meshgov.MeshgovApplication \
    --logging.level.org.springframework.boot.availability=DEBUG > "$work/engine.log" 2>&1 &
  local pid=$!
  until grep -q ACCEPTING_TRAFFIC "$work/engine.log"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$work/engine.log"; exit 1; }
    sleep 0.2
  done
  kill "$pid"
  wait "$pid" || true
}

boot "$work/fresh.txt"
boot "$work/restart.txt"
# classes read from the JDK's modules and from jars or directories; not the JDK's shared archive
# (already cheap), nor classes generated at run time (proxies, lambdas)
cat "$work/fresh.txt" "$work/restart.txt" \
  | sed -n 's/^\(\[[^]]*\]\)* *\([^ ]*\) source: \(jrt:\/\|file:\|jar:\).*/\2/p' \
  | grep -v -e '\$\$' -e '/' \
  | awk '!seen[$0]++' \
  | gzip -9 -n > "$root/infra/src/main/resources/META-INF/meshgov/boot-classes.txt.gz"
echo "$(zcat "$root/infra/src/main/resources/META-INF/meshgov/boot-classes.txt.gz" | wc -l) classes recorded"
