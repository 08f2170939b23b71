#!/usr/bin/env bash
# Starts the real `kaizen run` process against a mock API server in another process and prints the time until
# /readyz answers 200 and the operator's resident memory. Benchmark, not a test: it prints figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$(mktemp -d)"
cp_file="$work/cp.txt"
./mvnw -q -B -DskipTests -pl operator -am package test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
java -cp "operator/target/test-classes:operator/target/classes:$(cat "$cp_file")" \
  -Djava.util.logging.config.file=operator/src/test/resources/logging.properties \
  dev.kaizen.operator.bench.MockApiServerMain "$work/kubeconfig" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server ${operator:-} 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/kubeconfig" ] && break; sleep 0.2; done
port=18080
start=$(date +%s%N)
KUBECONFIG="$work/kubeconfig" AWS_REGION=eu-west-1 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench \
  java ${KAIZEN_JAVA_OPTS:-} -jar operator/target/kaizen-operator.jar run --health-port $port > "$work/operator.log" 2>&1 &
operator=$!
until curl -sf "http://127.0.0.1:$port/readyz" > /dev/null; do
  kill -0 $operator 2>/dev/null || { echo "operator exited:"; cat "$work/operator.log"; exit 1; }
  sleep 0.05
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 5
rss=$(grep VmRSS /proc/$operator/status | awk '{print $2}')
echo "kaizen run: /readyz 200 after ${ready} ms (JVM start included); RSS 5 s later: $((rss / 1024)) MiB"
curl -sf "http://127.0.0.1:$port/metrics" | grep -c '^kaizen_' | sed 's/^/kaizen_ metric lines on \/metrics: /'
