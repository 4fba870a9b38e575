#!/usr/bin/env node
// Runs a TypeScript entry point (the fake server, the demo, benchmarks) without a build step or an
// extra dependency: TypeScript's own transpiler compiles each required .ts file in memory.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			resolveJsonModule: true,
			sourceMap: false,
		},
	});
	module._compile(outputText, filename);
};

// Node tries extensions in registration order; `X.node` must find X.node.ts before the codex X.node.json.
for (const extension of ['.json', '.node']) {
	const loader = require.extensions[extension];
	delete require.extensions[extension];
	require.extensions[extension] = loader;
}

const entry = process.argv[2];
if (!entry) {
	console.error('usage: node scripts/run-ts.js <file.ts> [args...]');
	process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(entry));
