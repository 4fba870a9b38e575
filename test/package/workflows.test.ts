/* eslint-disable @n8n/community-nodes/no-restricted-imports -- reads the repository's CI files; never shipped */
/**
 * The GitHub Actions workflows: CI runs the README's test command, and publishing happens only from
 * a version tag, after the tests, through `npm run release` with provenance and without any stored
 * npm token (n8n's requirement for community nodes since 1 May 2026).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

import { PROJECT_ROOT } from '../../scripts/n8n/hosts';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string>;
	env?: Record<string, string>;
}

interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, { 'timeout-minutes'?: number; permissions?: Record<string, string>; steps: Step[] }>;
}

const read = (file: string) => readFileSync(join(PROJECT_ROOT, '.github', 'workflows', file), 'utf8');
const onlyJob = (workflow: Workflow) => Object.values(workflow.jobs)[0];
const runSteps = (workflow: Workflow) => onlyJob(workflow).steps.flatMap((step) => (step.run ? [step.run.trim()] : []));

describe('GitHub Actions workflows', () => {
	it("CI runs the README's test command within 45 minutes", () => {
		const ci = parse(read('ci.yml')) as Workflow;
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(Object.keys(ci.jobs)).toHaveLength(1);
		expect(onlyJob(ci)['timeout-minutes']).toBeLessThanOrEqual(45);
		// the README's command, plus the Debian package the queue-mode suite needs on GitHub's runner
		const redis = 'sudo apt-get update && sudo apt-get install -y --no-install-recommends redis-server';
		expect(runSteps(ci)).toEqual(['npm ci', redis, 'npm test']);
		expect(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')).toContain('npm ci && npm test');
	});

	it('publishes only from a version tag, after the tests, with provenance and OIDC instead of a token', () => {
		const text = read('publish.yml');
		const publish = parse(text) as Workflow;
		expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
		expect(publish.permissions).toEqual({});
		expect(onlyJob(publish).permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		// no long-lived credential: no secret is read, no token variable is set
		expect(text).not.toMatch(/secrets\.|NPM_TOKEN|NODE_AUTH_TOKEN|_authToken/);

		const runs = runSteps(publish);
		const order = ['npm ci', 'npm test', 'npm run release'].map((command) => runs.indexOf(command));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect(order).toEqual([...order].sort((a, b) => a - b));
		const release = onlyJob(publish).steps.find((step) => step.run?.trim() === 'npm run release')!;
		expect(release.env).toEqual({ NPM_CONFIG_PROVENANCE: 'true', NPM_CONFIG_IGNORE_SCRIPTS: 'false' });
		// npm's trusted publishing needs npm >= 11.5.1 (Node 24) at the publish step
		const nodeBeforeRelease = onlyJob(publish)
			.steps.slice(0, onlyJob(publish).steps.indexOf(release))
			.filter((step) => step.uses?.startsWith('actions/setup-node'))
			.pop();
		expect(nodeBeforeRelease?.with).toMatchObject({ 'node-version': '24', 'registry-url': 'https://registry.npmjs.org' });
	});

	it('n8n-node release publishes, and prepublishOnly refuses any other npm publish', () => {
		const { scripts } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		expect(scripts.release).toBe('n8n-node release');
		expect(scripts.prepublishOnly).toBe('n8n-node prerelease');
	});
});
