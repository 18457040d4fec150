#!/usr/bin/env bash
# A long chaos run against the packaged platform: 3 nodes on one PostgreSQL, thousands of requests over the webhook
# and SMS channels, agents answering, random kill -9 of nodes (restarted) and PostgreSQL restarts; then the checker.
# The run is ChaosIT (native-build's test sources) with bigger settings; every one can be overridden:
#   REQUESTS=3000 DURATION=5m KILLS=5 DATABASE_RESTARTS=1 NODES=3 AGENTS=4 SEED=42 native-build/chaos/chaos.sh
# Exit status 0 when the checker found nothing; its summary and any violation are printed, the nodes' logs are kept
# under native-build/target/failsafe-reports when it fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
args=(-Dchaos.requests="${REQUESTS:-3000}" -Dchaos.duration="${DURATION:-5m}" -Dchaos.kills="${KILLS:-5}"
      -Dchaos.database-restarts="${DATABASE_RESTARTS:-1}" -Dchaos.nodes="${NODES:-3}" -Dchaos.agents="${AGENTS:-4}"
      -Dchaos.settle-seconds="${SETTLE_SECONDS:-300}")
if [[ -n "${SEED:-}" ]]; then args+=(-Dchaos.seed="$SEED"); fi
exec ./mvnw -q -pl native-build -am verify -Dit.test=ChaosIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
     "${args[@]}"
