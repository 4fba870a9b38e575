/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node for tests and tooling; never shipped (package.json "files") */
/** Rewrites the README's operations table from the node description (see operations-table.ts). */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { operationsMarkdown } from './operations-table';

const readmePath = join(__dirname, '..', 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = readme.replace(
	/<!-- operations:start -->[\s\S]*<!-- operations:end -->/,
	`<!-- operations:start -->\n${operationsMarkdown()}\n<!-- operations:end -->`,
);
writeFileSync(readmePath, updated);
console.log(updated === readme ? 'README operations table already up to date' : 'README operations table updated');
