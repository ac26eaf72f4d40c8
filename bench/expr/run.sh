#!/usr/bin/env sh
# Measures single-thread render throughput of the ${...} expression language.
# Usage: bench/expr/run.sh   (from anywhere; needs the Maven dependencies already in the local repository)
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -o -Dstyle.color=never -pl shared compile
classpath_file="$root/shared/target/expr-bench.classpath"
mvn -B -q -o -Dstyle.color=never -pl shared dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
exec java -cp "shared/target/classes:$(cat "$classpath_file")" bench/expr/ExprBench.java
