/**
 * The compatibility matrix's suite (test/compat/core.compat.ts) in one real n8n release; run by
 * `npm run test:compat` (scripts/n8n/compat.ts) once per release, never by `npm test`.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/compat'],
	testMatch: ['**/*.compat.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 5 * 60_000,
	maxWorkers: 1,
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
