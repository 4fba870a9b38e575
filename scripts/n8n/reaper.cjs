// Started (detached) by scripts/n8n/processes.ts next to the first n8n it spawns. It waits for the
// process that started it to end, however it ends (Ctrl-C in jest, SIGKILL, a crash: cases where
// no exit handler runs), then stops every process group listed in the pid file that is still
// alive and still runs something from the n8n cache folder. Lines "dir:<path>" in the file are
// scratch folders it then removes.
//   node reaper.cjs <parent pid> <pid file> <n8n cache folder>
'use strict';
const fs = require('node:fs');

const [parentPid, pidFile, cacheDir] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const POLL_MS = 500;
const MAX_LIFETIME_MS = 12 * 3600 * 1000; // never outlive a stuck parent forever

const alive = (pid) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
};

/** Members of process group `group` whose command line mentions the cache folder (guards against pid reuse). */
function ourMembers(group) {
	const members = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// the command name (field 2) may contain spaces: fields after the last ')' are fixed
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
			if (pgrp !== group) continue;
			if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(cacheDir)) members.push(Number(entry));
		} catch {
			// the process ended meanwhile
		}
	}
	return members;
}

function entries() {
	try {
		return fs.readFileSync(pidFile, 'utf8').split('\n').filter(Boolean);
	} catch {
		return [];
	}
}

const groups = () => [...new Set(entries().filter((line) => /^\d+$/.test(line)).map(Number))];

function finish() {
	for (const line of entries()) {
		if (line.startsWith('dir:')) fs.rmSync(line.slice(4), { recursive: true, force: true });
	}
	fs.rmSync(pidFile, { force: true });
}

function signalAll(signal) {
	let found = 0;
	for (const group of groups()) {
		for (const pid of ourMembers(group)) {
			found += 1;
			try {
				process.kill(pid, signal);
			} catch {
				// gone
			}
		}
	}
	return found;
}

const started = Date.now();
const timer = setInterval(() => {
	if (alive(parentPid) && Date.now() - started < MAX_LIFETIME_MS) return;
	clearInterval(timer);
	if (signalAll('SIGTERM') > 0) {
		// n8n shuts down in a few seconds on SIGTERM; whatever is left after 10 s is killed.
		setTimeout(() => {
			signalAll('SIGKILL');
			finish();
		}, 10_000);
	} else {
		finish();
	}
}, POLL_MS);
