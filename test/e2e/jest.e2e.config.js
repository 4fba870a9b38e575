/**
 * The real-n8n end-to-end suite: `npm run test:e2e` (scripts/n8n/e2e.sh), or directly
 * `N8N_LINE=2 npx jest -c test/e2e/jest.e2e.config.js` after `npm run build`.
 * One worker: every case drives one n8n process and a fake server in the test process.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// The editor test drives n8n 2.x's editor only: on line 1 it is left out rather than skipped.
	testPathIgnorePatterns: process.env.N8N_LINE === '1' ? ['/node_modules/', 'editor\\.e2e\\.ts$'] : ['/node_modules/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	// A case may boot n8n two or three times (2-4 s each) and wait for extractions.
	testTimeout: 5 * 60_000,
	maxWorkers: 1,
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
