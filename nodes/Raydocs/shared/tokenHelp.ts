/**
 * What the node and the credential tell a user about Raydocs access tokens: where they are made,
 * and what to do when Raydocs rejects one or it lacks an ability. Written once, used by every message.
 */
export const TOKENS_IN_RAYDOCS = 'in Raydocs (profile → Settings → Access Tokens)';

/** For a missing, invalid, expired or revoked token. */
export const NEW_TOKEN_FIX = `Create a new token ${TOKENS_IN_RAYDOCS} and paste it into the Raydocs credential's Access Token field.`;

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function quotedList(words: readonly string[]): string {
	const quoted = words.map((word) => `"${word}"`);
	const last = quoted.pop();
	return quoted.length ? `${quoted.join(', ')} and ${last}` : `${last}`;
}

/** For a token that lacks abilities (a 403 from Raydocs): "Edit the token ... and grant "a" and "b"". */
export function grantAbilitiesFix(abilities: readonly string[]): string {
	return `Edit the token ${TOKENS_IN_RAYDOCS} and grant ${quotedList(abilities)}`;
}
