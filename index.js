// n8n loads the classes through package.json's "n8n" field; this entry point serves programmatic use
// (e.g. `require('n8n-nodes-raydocs').Raydocs`) once `npm run build` has produced dist/.
'use strict';

const { RaydocsApi } = require('./dist/credentials/RaydocsApi.credentials');
const { Raydocs } = require('./dist/nodes/Raydocs/Raydocs.node');
const { RaydocsTrigger } = require('./dist/nodes/RaydocsTrigger/RaydocsTrigger.node');

module.exports = { RaydocsApi, Raydocs, RaydocsTrigger };
