#!/usr/bin/env bash
# Builds and runs every test of the solution, then prints one closing line computed from the TRX results:
#   tests: N passed, N failed
# Exits non-zero on any failure, or when no test ran. Installs what it needs (npm packages for the CDK) itself.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# A missing snapshot must fail, not be written silently.
export SNAPSHOOTER_STRICT_MODE="${SNAPSHOOTER_STRICT_MODE:-true}"

results=.artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

# The CDK tests need the CDK CLI and a locally built Constructs package; the deploy folder knows how.
if [ -x deploy/setup.sh ]; then
  deploy/setup.sh || { echo "deploy/setup.sh failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

dotnet build ShoppingCart.sln -c Release
build_status=$?
if [ $build_status -ne 0 ]; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

dotnet test ShoppingCart.sln -c Release --no-build --logger trx --results-directory "$results" "$@"
test_status=$?

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  attr() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
done

if [ $test_status -ne 0 ] && [ $failed -eq 0 ]; then
  # The runner failed without a TRX saying why (a crashed test host): count it, never report green.
  failed=1
fi
echo "tests: $passed passed, $failed failed"
if [ $failed -ne 0 ] || [ $passed -eq 0 ]; then
  exit 1
fi
