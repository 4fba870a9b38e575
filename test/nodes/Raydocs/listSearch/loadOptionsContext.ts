import type { LoadOptionsContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import type { FakeRaydocs } from '../../../../tools/fake-raydocs/server';
import { loadOptionsContext as harnessLoadOptionsContext } from '../../../harness/engine';
import { credentialsFor, raydocsNode } from '../../../helpers/raydocs';

/** The picker context for the Raydocs node against the fake, with the given token. */
export function loadOptionsContext(
	fake: FakeRaydocs,
	currentNodeParameters: INodeParameters,
	token = fake.token,
): LoadOptionsContext {
	return harnessLoadOptionsContext(raydocsNode, credentialsFor(fake, token), currentNodeParameters, 'parameters.templateId');
}
