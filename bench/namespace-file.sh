#!/usr/bin/env bash
# Many shipping LogPipelines in one namespace (one shared Fluent Bit file): prints reconciles, AWS calls, ConfigMap
# writes and seconds to all Ready per size. Benchmark, not a test: it prints figures. Usage: bench/namespace-file.sh [sizes...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -o -pl operator -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
java -cp "operator/target/test-classes:operator/target/classes:$(cat "$cp_file")" \
  -Djava.util.logging.config.file=operator/src/test/resources/logging.properties \
  dev.kaizen.operator.bench.NamespaceFileBenchmark "$@"
