#!/usr/bin/env bash
# Builds and starts the shopping-cart service on the embedded default, on one machine, with no AWS account:
# the REST API, the SQLite database (carts + transactional outbox), the outbox relay and the local event bus.
# Every published event is printed below as it happens and appended to the event log.
# Ctrl-C stops it cleanly; the next start resumes with the same carts and publishes anything left unpublished.
#
#   ./run.sh                       API on http://localhost:5080, data under .data/
#   PORT=8080 DATA_DIR=/tmp/cart ./run.sh
#   ./run.sh token CUSTOMER_ID [--ttl 24h]
#                                  prints one line: a bearer token for that customer, good for the service started on
#                                  the same DATA_DIR (signed with the development key kept there)
#   ./run.sh outbox status         the operator's command line (dead-letters, replay, republish, status; see README)
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

port="${PORT:-5080}"
data_dir="${DATA_DIR:-.data}"
mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"

# The operator's command line works on the same data folder (or, with ShoppingCart__Infrastructure=Aws, on AWS). The
# build's chatter goes to stderr so that `--json` output on stdout stays machine-readable.
if [[ "${1:-}" == "outbox" ]]; then
  shift
  operations=src/Functions/ShoppingCart.Operations
  dotnet build "$operations" -c Release --verbosity quiet >&2
  exec dotnet "$PWD/$operations/bin/Release/net10.0/ShoppingCart.Operations.dll" "$@" \
    --ShoppingCart:Embedded:DatabasePath="$data_dir/shopping-cart.db" \
    --ShoppingCart:Embedded:EventBus:EventLogPath="$data_dir/events.jsonl"
fi

project=src/Functions/ShoppingCart.Api
app_dir="$PWD/$project/bin/Release/net10.0"

if [ "${1:-}" = token ]; then
  shift
  # Standard output carries the token alone, so TOKEN=$(./run.sh token customer-42) works; the build talks on stderr.
  dotnet build "$project" -c Release --verbosity quiet >&2
  exec dotnet "$app_dir/ShoppingCart.Api.dll" token "$@" \
    --contentRoot "$app_dir" \
    --ShoppingCart:Infrastructure=Embedded \
    --ShoppingCart:Embedded:DatabasePath="$data_dir/shopping-cart.db"
fi

echo "Building $project (Release)..."
dotnet build "$project" -c Release --verbosity quiet

cat <<INFO

ShoppingCart (embedded: SQLite + outbox relay + local event bus) is starting
  API        http://localhost:$port
  OpenAPI    http://localhost:$port/openapi/v1.json
  Health     http://localhost:$port/health
  Database   $data_dir/shopping-cart.db
  Event log  $data_dir/events.jsonl   (each event is also printed here as "[event] ...")
Press Ctrl-C to stop.

INFO

# exec: the app itself receives Ctrl-C (SIGINT) and shuts down gracefully, letting the relay finish its pass.
exec dotnet "$app_dir/ShoppingCart.Api.dll" \
  --urls "http://localhost:$port" \
  --contentRoot "$app_dir" \
  --ShoppingCart:Infrastructure=Embedded \
  --ShoppingCart:Embedded:DatabasePath="$data_dir/shopping-cart.db" \
  --ShoppingCart:Embedded:EventBus:EventLogPath="$data_dir/events.jsonl"
