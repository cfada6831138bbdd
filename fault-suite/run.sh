#!/bin/sh
# The fault-injection suite's long form: the same scenarios as the bounded form in ./mvnw verify, with bigger numbers
# (every generated hostile request, 300 admissions into 30 posts, 100 evaluations of one platform-year, 200 payment
# requests into one award, PostgreSQL and Kafka each away for 30 s in streams of 1,000 commands). Its report is
# written to fault-suite/report/ (fault-report.md and fault-report.json), which is committed. Extra arguments go to
# Maven (for example -o). Takes about 15 minutes on a loaded 2-core machine; bounded: every wait of the suite has its
# limit, and the suite's JVM (with the service processes it started) is ended after 45 minutes at the most.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q "$@" -DskipTests -pl fault-suite -am install
./mvnw -B "$@" -pl fault-suite test \
  -Dfault.form=long \
  -Dfault.hostile.requests=100000 \
  -Dfault.concurrent.admissions=300 \
  -Dfault.admission.quota=30 \
  -Dfault.concurrent.evaluations=100 \
  -Dfault.concurrent.disbursements=200 \
  -Dfault.outage.commands=1000 \
  -Dfault.outage.seconds=30 \
  -Dfault.timeout.seconds=2700 \
  -Dfault.report.directory="$PWD/fault-suite/report"
