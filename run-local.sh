#!/usr/bin/env bash
# Builds and runs the command-service with its embedded PostgreSQL (data under ./data).
# Extra arguments go to the service, e.g. ./run-local.sh --server.port=9081
set -euo pipefail
cd "$(dirname "$0")"

port=${COMMAND_SERVICE_PORT:-8081}
for arg in "$@"; do
  case "$arg" in --server.port=*) port=${arg#--server.port=} ;; esac
done
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is already in use. Stop what uses it, or choose another: COMMAND_SERVICE_PORT=9081 $0" >&2
  exit 1
fi

echo "Building (first run downloads Maven and dependencies)..."
./mvnw -B -q -ntp -DskipTests install

cat <<INFO

Starting the command-service on port $port; Ctrl-C stops it.
  API:        http://localhost:$port/api/partnerships
  Swagger UI: http://localhost:$port/swagger-ui.html
  Health:     http://localhost:$port/actuator/health
  Metrics:    http://localhost:$port/actuator/prometheus

INFO
exec java -jar command-service/target/command-service-0.1.0-SNAPSHOT.jar --server.port="$port" \
  --tracker.embedded-postgres.data-dir=./data/command-postgres "$@"
