#!/usr/bin/env sh
# The benchmark in one command (issue 8): ./bench/run.sh [options, see bench/README.md]
# Builds what it needs (tests skipped), then measures everything in one run against one durable embedded PostgreSQL
# and one embedded Kafka, prints the table and writes bench/results/results.{json,md}.
#   BENCH_SKIP_BUILD=1   use the jars already built (e.g. when re-running)
#   BENCH_MVN_ARGS       extra Maven arguments (e.g. -o)
#   BENCH_JAVA_OPTS      the bench JVM's options (default -Xms512m -Xmx2g -XX:+UseG1GC)
set -e
cd "$(dirname "$0")/.."
if [ -z "$BENCH_SKIP_BUILD" ]; then
  echo "Building the bench, the services, the dev stack, the auth-server, the console and the open data (tests skipped)..."
  ./mvnw -q -B -DskipTests $BENCH_MVN_ARGS package -pl bench,auth-server,console,open-data -am
fi
jar=$(ls bench/target/bench-*-exec.jar | head -n 1)
exec java ${BENCH_JAVA_OPTS:--Xms512m -Xmx2g -XX:+UseG1GC} -Dbench.repository=. -jar "$jar" "$@"
