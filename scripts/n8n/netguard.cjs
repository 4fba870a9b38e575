// Preloaded into every n8n process the harness starts (NODE_OPTIONS=--require): records each DNS
// lookup and outbound TCP connection that is not loopback in $RAYDOCS_NETGUARD_LOG, and fails it at
// once, so a test host can neither reach the internet nor hang waiting for it. The e2e suite asserts
// the log stays empty.
'use strict';
const fs = require('node:fs');
const dns = require('node:dns');
const net = require('node:net');

const logFile = process.env.RAYDOCS_NETGUARD_LOG;
const isLoopback = (host) =>
	!host || host === 'localhost' || host === '::1' || host === '0.0.0.0' || host === '::' || /^127\./.test(host);

function record(kind, target) {
	if (!logFile) return;
	try {
		fs.appendFileSync(logFile, `${new Date().toISOString()} pid=${process.pid} ${kind} ${target}\n`);
	} catch {
		// a guard must never break the process it guards
	}
}

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
	const done = typeof options === 'function' ? options : callback;
	if (!isLoopback(hostname)) {
		record('dns', hostname);
		const error = Object.assign(new Error(`netguard: no network for tests (lookup ${hostname})`), {
			code: 'ENOTFOUND',
			hostname,
		});
		process.nextTick(() => done(error));
		return {};
	}
	return lookup.apply(this, arguments);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
	const first = Array.isArray(args[0]) ? args[0][0] : args[0];
	const host = typeof first === 'object' && first !== null ? (first.path ? undefined : first.host) : args[1];
	if (typeof host === 'string' && net.isIP(host) && !isLoopback(host)) {
		const port = typeof first === 'object' && first !== null ? first.port : first;
		record('connect', `${host}:${port}`);
		process.nextTick(() => this.destroy(Object.assign(new Error(`netguard: no network for tests (${host})`), { code: 'ECONNREFUSED' })));
		return this;
	}
	return connect.apply(this, args);
};
