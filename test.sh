#!/usr/bin/env bash
# README's test command: builds the solution and runs every test project (Core, Rules, API on SQLite and
# on a real PostgreSQL server the harness starts itself, console bUnit, browser E2E), then prints one
# summary line "N passed, N failed". The harness installs PostgreSQL and Chromium from Debian if missing.
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp -t csaas-test.XXXXXX)
dotnet test CommunitySaaS.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "no test ran"; exit 1; fi
exit "$status"
