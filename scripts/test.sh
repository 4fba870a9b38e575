#!/usr/bin/env bash
# `npm test`, the README's test command and what CI runs: build, strict lint, type check, the unit
# and engine suites (jest: node, trigger, fake server, fault, bad-input and security suites), then
# the end-to-end suite in real n8n 2.x and 1.x (installed into .cache/n8n on first use).
# The last line adds both up: "N passed, N failed, N skipped".
#   SKIP_E2E=1 npm test    everything but real n8n (the same as `npm run test:unit` after the checks)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

phase() { echo; echo "[test] $1 ($(date +%H:%M:%S))"; }

phase 'npm run build'
npm run build --silent || exit 1
phase 'npm run lint (n8n-node lint, strict)'
npm run lint --silent || exit 1
phase 'npm run typecheck'
npm run typecheck --silent || exit 1

results_dir=$(mktemp -d)
trap 'rm -rf "$results_dir"' EXIT
phase 'jest: unit, engine, fault, bad-input and security suites'
npx jest --json --outputFile="$results_dir/unit.json"
results=("$results_dir/unit.json")

if [ "${SKIP_E2E:-0}" != 1 ]; then
	phase 'end-to-end in real n8n (npm run test:e2e)'
	E2E_SKIP_BUILD=1 E2E_RESULTS_DIR="$results_dir" bash scripts/n8n/e2e.sh
	# one result file per host; a host whose install failed left none, which counts as a failure
	case "${N8N_LINE:-both}" in 1 | 2) lines=("$N8N_LINE") ;; *) lines=(2 1) ;; esac
	for line in "${lines[@]}"; do results+=("$results_dir/e2e-line$line.json"); done
fi

node scripts/sumJestResults.js "${results[@]}"
