#!/usr/bin/env bash
# `npm run test:e2e`: builds the package, installs the n8n hosts when missing (cached in
# .cache/n8n), runs the real-n8n suite (test/e2e) once per host and prints the time each took.
#   N8N_LINE=2|1|both (default both: 2 first)   E2E_SKIP_BUILD=1 to reuse dist/
#   E2E_RESULTS_DIR: where the jest --json results go (e2e-line<N>.json; default .cache/n8n/runs)
# Extra arguments go to jest, e.g. `npm run test:e2e -- -t "Export to Excel"`.
# The last line is "N passed, M failed, K skipped" over all hosts; the exit code is 0 only if
# every host passed.
set -uo pipefail

project_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$project_root"
cache_dir=${N8N_CACHE_DIR:-$project_root/.cache/n8n}
mkdir -p "$cache_dir/runs"
case "${N8N_LINE:-both}" in
both | "1,2" | "2,1") lines=(2 1) ;;
1 | 2) lines=("$N8N_LINE") ;;
*)
	echo "N8N_LINE must be 1, 2 or both, got '${N8N_LINE}'" >&2
	exit 2
	;;
esac

# Every process the harness spawns is recorded here (scripts/n8n/processes.ts). When jest is
# interrupted or crashes, its afterAll hooks may not run: this trap then stops what is left, by
# process group id, and only processes running something from the n8n cache folder.
pidfile=$(mktemp "${TMPDIR:-/tmp}/raydocs-e2e-pids.XXXXXX")
export RAYDOCS_N8N_PIDFILE=$pidfile
survivors() {
	local group member
	for group in $(sort -u "$pidfile"); do
		for member in $(pgrep -g "$group" 2>/dev/null); do
			if grep -qaF "$cache_dir" "/proc/$member/cmdline" 2>/dev/null; then echo "$member"; fi
		done
	done
}
cleanup() {
	local left
	left=$(survivors)
	if [ -n "$left" ]; then
		echo "[e2e] stopping processes left behind: $(echo $left)"
		kill -TERM $left 2>/dev/null
		for _ in $(seq 1 50); do
			[ -z "$(survivors)" ] && break
			sleep 0.2
		done
		left=$(survivors)
		[ -n "$left" ] && kill -KILL $left 2>/dev/null
	fi
	rm -f "$pidfile"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${E2E_SKIP_BUILD:-0}" != 1 ]; then
	echo "[e2e] npm run build"
	npm run build --silent >"$cache_dir/runs/last-build.log" 2>&1 || {
		tail -n 40 "$cache_dir/runs/last-build.log"
		echo "[e2e] the build failed"
		exit 1
	}
fi

declare -A install_seconds e2e_seconds outcome
results=()
for line in "${lines[@]}"; do
	started=$(date +%s)
	N8N_LINE=$line bash scripts/n8n/install-n8n.sh || {
		echo "[e2e] installing the n8n host for line $line failed"
		exit 1
	}
	install_seconds[$line]=$(($(date +%s) - started))

	started=$(date +%s)
	result="${E2E_RESULTS_DIR:-$cache_dir/runs}/e2e-line$line.json"
	rm -f "$result"
	N8N_LINE=$line npx jest -c test/e2e/jest.e2e.config.js --json --outputFile="$result" "$@"
	code=$?
	e2e_seconds[$line]=$(($(date +%s) - started))
	if [ "$code" = 0 ]; then outcome[$line]=passed; else outcome[$line]="FAILED (exit $code)"; fi
	results+=("$result")
done

echo
echo "[e2e] host                 install/check   e2e      disk      result"
for line in "${lines[@]}"; do
	if [ "$line" = 2 ]; then version=${N8N2_VERSION:-2.41.1}; else version=${N8N1_VERSION:-1.123.81}; fi
	disk=$(node -p "try { require('$cache_dir/n8n-$version/install-stats.json').diskMegabytes + ' MB' } catch { '?' }")
	printf '[e2e] n8n %-9s line %s  %6ss         %5ss   %-9s %s\n' "$version" "$line" "${install_seconds[$line]}" "${e2e_seconds[$line]}" "$disk" "${outcome[$line]}"
done
node scripts/sumJestResults.js "${results[@]}"
