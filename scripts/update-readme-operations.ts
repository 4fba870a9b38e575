/* eslint-disable no-console -- runs in Node for tooling; never shipped (package.json "files") */
/** `npm run docs:operations`: rewrites the README's operations table from the node description (see operations-table.ts). */
import { operationsMarkdown } from './operations-table';
import { replaceSection } from './generatedSection';

const updated = replaceSection('README.md', 'operations', operationsMarkdown());
console.log(updated ? 'README.md: operations table updated' : 'README.md: operations table already up to date');
