#!/usr/bin/env sh
# Times a burst of shell jobs on the worker's bounded process pool (what ShellConcurrencyTest asserts by order).
# Usage: bench/shell-burst/run.sh [N]   (from anywhere; needs the Maven dependencies already in the local repository)
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="$root/worker/target/shell-burst.classpath"
mvn -B -q -o -Dstyle.color=never -pl worker -am compile dependency:build-classpath \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
exec java -cp "worker/target/classes:shared/target/classes:$(cat "$classpath_file")" bench/shell-burst/ShellBurst.java "$@"
