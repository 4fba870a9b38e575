// Build steps tsc does not do: put the icons and codex files where n8n looks for them in dist/.
const { src, dest, series } = require('gulp');
const fs = require('node:fs');

function clean(done) {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
}

function copyIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.clean = clean;
exports.build = series(copyIcons, copyCodex);
exports.default = exports.build;
