import { grantAbilitiesFix, NEW_TOKEN_FIX, quotedList, TOKENS_IN_RAYDOCS } from '../../../../nodes/Raydocs/shared/tokenHelp';
import { RaydocsApi } from '../../../../credentials/RaydocsApi.credentials';

/** The token help, written once: where tokens are made, and the two fixes every message gives. */
describe('token help', () => {
	it('says where tokens are made and what to do with a rejected one', () => {
		expect(TOKENS_IN_RAYDOCS).toBe('in Raydocs (profile → Settings → Access Tokens)');
		expect(NEW_TOKEN_FIX).toBe(
			"Create a new token in Raydocs (profile → Settings → Access Tokens) and paste it into the Raydocs credential's Access Token field.",
		);
	});

	it('names the abilities to grant, quoted and joined', () => {
		expect(quotedList(['a'])).toBe('"a"');
		expect(quotedList(['a', 'b'])).toBe('"a" and "b"');
		expect(quotedList(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
		expect(grantAbilitiesFix(['workspaces-read', 'documents-read'])).toBe(
			'Edit the token in Raydocs (profile → Settings → Access Tokens) and grant "workspaces-read" and "documents-read"',
		);
	});

	it('is what the credential says too', () => {
		const credential = new RaydocsApi();
		const token = credential.properties.find((property) => property.name === 'accessToken');
		expect(token?.description).toContain(TOKENS_IN_RAYDOCS);
		const rules = credential.test.rules ?? [];
		const messageFor = (status: number) =>
			rules.find((rule) => rule.type === 'responseCode' && rule.properties.value === status)?.properties.message;
		expect(messageFor(401)).toContain(NEW_TOKEN_FIX);
		expect(messageFor(403)).toContain(`${grantAbilitiesFix(['workspaces-read'])} plus the abilities your workflows need`);
	});
});
