/* eslint-disable no-console -- runs in Node for tooling; never shipped (package.json "files") */
/** Rewrites the README's operations table from the node description (see operations-table.ts). */
import { operationsMarkdown } from './operations-table';
import { replaceReadmeSection } from './readmeSection';

const changed = replaceReadmeSection('operations', operationsMarkdown());
console.log(changed ? 'README operations table updated' : 'README operations table already up to date');
