import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { chosenWorkspaceId, emptyListSaying, pageFromToken } from '../../../../nodes/Raydocs/listSearch/pickerRequest';

const withWorkspace = (value: unknown) =>
	({ getCurrentNodeParameter: () => value }) as unknown as ILoadOptionsFunctions;

describe('chosenWorkspaceId', () => {
	it('reads the workspace picked, typed or mapped in the node, trimmed', () => {
		expect(chosenWorkspaceId(withWorkspace('12'))).toBe('12');
		expect(chosenWorkspaceId(withWorkspace(' 12 '))).toBe('12');
		expect(chosenWorkspaceId(withWorkspace(12))).toBe('12');
	});

	it('is undefined until a workspace ID is there, so that the picker lists nothing instead of failing', () => {
		expect(chosenWorkspaceId(withWorkspace(undefined))).toBeUndefined();
		expect(chosenWorkspaceId(withWorkspace(null))).toBeUndefined();
		expect(chosenWorkspaceId(withWorkspace(''))).toBeUndefined();
		expect(chosenWorkspaceId(withWorkspace('={{ $json.workspace }}'))).toBeUndefined();
		expect(chosenWorkspaceId(withWorkspace('12a'))).toBeUndefined();
	});
});

describe('pageFromToken', () => {
	it('starts at page 1, or at the page n8n hands back for "load more"', () => {
		expect(pageFromToken(undefined)).toBe(1);
		expect(pageFromToken('3')).toBe(3);
	});

	it('starts at page 1 for a token that is not a page number', () => {
		expect(pageFromToken('')).toBe(1);
		expect(pageFromToken('next')).toBe(1);
		expect(pageFromToken('0')).toBe(1);
		expect(pageFromToken('-2')).toBe(1);
	});
});

describe('emptyListSaying', () => {
	it('is a list of one line saying why, whose value chooses nothing', () => {
		expect(emptyListSaying('Choose a workspace above')).toEqual({ results: [{ name: 'Choose a workspace above', value: '' }] });
	});
});
