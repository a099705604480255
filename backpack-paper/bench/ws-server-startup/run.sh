#!/usr/bin/env bash
# Start-up cost of three WebSocket server libraries, each in a fresh JVM: milliseconds from JVM start to
# the first accepted (upgraded) connection, classes loaded at that moment, and the jar bytes each adds
# to backpack-paper (slf4j-api not counted: the paper module already depends on it).
#
#   backpack-paper/bench/ws-server-startup/run.sh [runs]      (default 11 runs, interleaved)
#
# Needs ./mvnw (resolves the jars into $MAVEN_REPO, default ~/.m2/repository) and a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${1:-11}
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
MVNW=../../../mvnw
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

declare -A MAIN=([javawebsocket]=JavaWebSocketStart [jetty]=JettyStart [netty]=NettyStart)
for lib in javawebsocket jetty netty; do
  "$MVNW" -q -B -f "pom-$lib.xml" -Dmaven.repo.local="$REPO" dependency:build-classpath \
      -Dmdep.outputFile="$OUT/cp-$lib.txt" >/dev/null
  mkdir -p "$OUT/classes-$lib"
  javac -d "$OUT/classes-$lib" -cp "$(cat "$OUT/cp-$lib.txt")" src/Probe.java "src/${MAIN[$lib]}.java"
done

for lib in javawebsocket jetty netty; do
  bytes=0; jars=0
  for jar in $(tr ':' ' ' < "$OUT/cp-$lib.txt"); do
    case "$jar" in *slf4j-api*) continue ;; esac
    bytes=$((bytes + $(stat -c %s "$jar"))); jars=$((jars + 1))
  done
  echo "$lib $jars $bytes" >> "$OUT/size.txt"
done

for ((i = 1; i <= RUNS; i++)); do
  for lib in javawebsocket jetty netty; do
    java -Xshare:auto -cp "$OUT/classes-$lib:$(cat "$OUT/cp-$lib.txt")" "${MAIN[$lib]}" \
        2>/dev/null | awk -v l="$lib" '{print l, $2, $3}' >> "$OUT/runs.txt"
  done
done

printf '%-15s %6s %10s %12s %12s %14s\n' library jars "added KiB" "median ms" "min-max ms" "classes"
for lib in javawebsocket jetty netty; do
  read -r _ jars bytes < <(grep "^$lib " "$OUT/size.txt")
  ms=$(grep "^$lib " "$OUT/runs.txt" | awk '{print $2}' | sort -n)
  cls=$(grep "^$lib " "$OUT/runs.txt" | awk '{print $3}' | sort -n)
  n=$(echo "$ms" | wc -l)
  med=$(echo "$ms" | sed -n "$(( (n + 1) / 2 ))p")
  printf '%-15s %6s %10s %12s %12s %14s\n' "$lib" "$jars" "$((bytes / 1024))" "$med" \
      "$(echo "$ms" | head -1)-$(echo "$ms" | tail -1)" "$(echo "$cls" | sed -n "$(( (n + 1) / 2 ))p")"
done
