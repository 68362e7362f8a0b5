#!/usr/bin/env bash
# Runs the system locally: a real Kafka broker (KRaft, its own JVM), the command-service with its
# embedded PostgreSQL and the query-service with its MongoDB-wire server; data under ./data.
# Ctrl-C stops everything. DATA_DIR moves ./data; SKIP_BUILD=1 uses the jars already built.
set -euo pipefail
cd "$(dirname "$0")"

command_port=${COMMAND_SERVICE_PORT:-8081}
query_port=${QUERY_SERVICE_PORT:-8082}
kafka_port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
for port in "$command_port" "$query_port" "$kafka_port" "$controller_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use. Stop what uses it, or choose other ports:" >&2
    echo "  COMMAND_SERVICE_PORT=9081 QUERY_SERVICE_PORT=9082 KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093 $0" >&2
    exit 1
  fi
done

data=${DATA_DIR:-data}
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "Building (the first run downloads Maven and the dependencies)..."
  ./mvnw -B -q -ntp -DskipTests install
fi

mkdir -p "$data/logs"
pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

java -Xmx512m -cp "infra/target/classes:$(cat infra/target/classpath.txt)" \
  org.partnershiptracker.infra.kafka.LocalKafka "$data/kafka" "$kafka_port" "$controller_port" > "$data/logs/kafka.log" 2>&1 &
pids+=($!)
# Policy 'warn': the demo has a project that started without a signed data sharing agreement.
java -jar command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar --server.port="$command_port" \
  --tracker.embedded-postgres.data-dir="$data/command-postgres" --tracker.policy.dsa-before-start=warn \
  --tracker.publication.bootstrap-servers="localhost:$kafka_port" > "$data/logs/command-service.log" 2>&1 &
pids+=($!)
java -jar query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar --server.port="$query_port" \
  --tracker.embedded-mongo.data-dir="$data/query-mongo" \
  --tracker.projection.bootstrap-servers="localhost:$kafka_port" > "$data/logs/query-service.log" 2>&1 &
pids+=($!)

echo "Waiting for the services (logs in $data/logs)..."
for _ in $(seq 1 120); do
  if curl -sf "http://localhost:$command_port/actuator/health/readiness" >/dev/null 2>&1 &&
     curl -sf "http://localhost:$query_port/actuator/health/readiness" >/dev/null 2>&1; then
    java -cp "infra/target/classes:$(cat infra/target/classpath.txt)" \
      org.partnershiptracker.infra.demo.DemoPartnership "http://localhost:$command_port"
    demo="http://localhost:$query_port/api/partnerships/demo-shire"
    cat <<INFO

Running. Ctrl-C stops everything.
  Kafka:              localhost:$kafka_port (topic partnership.events)
  Command API:        http://localhost:$command_port/api/partnerships
  Swagger UI:         http://localhost:$command_port/swagger-ui.html
  Health:             http://localhost:$command_port/actuator/health
  Metrics:            http://localhost:$command_port/actuator/prometheus
  Portfolio page:     http://localhost:$query_port/
  Query API:          http://localhost:$query_port/api/partnerships
  Query Swagger UI:   http://localhost:$query_port/swagger-ui.html
  Query health:       http://localhost:$query_port/actuator/health
  Query metrics:      http://localhost:$query_port/actuator/prometheus
  Rebuild:            curl -X POST http://localhost:$query_port/admin/projections/read-models/rebuild

The demo partnership (two councils and a university, 18 months to today):
  Report page:        $demo/report.html
  Report (JSON):      $demo/report
  Report (CSV):       $demo/report.csv
  Trust building:     $demo/trust
  Interactions:       $demo/interactions?granularity=month
  Milestones:         $demo/milestones
  Event history:      http://localhost:$command_port/api/partnerships/demo-shire/history
INFO
    wait -n "${pids[@]}" || true
    echo "A process stopped; see $data/logs." >&2
    exit 1
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A process failed to start; see $data/logs." >&2; tail -n 20 "$data"/logs/*.log >&2; exit 1; }
  done
  sleep 1
done
echo "The services did not become healthy in 120 s; see $data/logs." >&2
exit 1
