#!/usr/bin/env node
// Adds up jest --json result files into the one line CI reads: "N passed, N failed, N skipped".
// A missing or unreadable file counts as one failure (its suite never reported). Exit 1 if any failed.
'use strict';
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
	try {
		const result = JSON.parse(fs.readFileSync(file, 'utf8'));
		passed += result.numPassedTests;
		failed += result.numFailedTests + (result.numRuntimeErrorTestSuites || 0);
		skipped += result.numPendingTests;
	} catch {
		console.error(`no jest results in ${file}: counted as a failure`);
		failed += 1;
	}
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
