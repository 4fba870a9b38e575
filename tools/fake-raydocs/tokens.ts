/** Personal access tokens: who owns each one, its abilities, and whether it was revoked. */
import { randomBytes } from 'node:crypto';

export interface TokenRecord {
	label: string;
	abilities: '*' | string[];
	userId: number;
	revoked: boolean;
}

/** Tokens outlive reset(): a test may hold one across resets. */
export class TokenStore {
	private readonly tokens = new Map<string, TokenRecord>();
	private tokenCounter = 0;

	/** Returns 'rd_test_<random>'. */
	create(abilities: string[] | '*', label: string | undefined, userId: number): string {
		this.tokenCounter += 1;
		const token = `rd_test_${randomBytes(20).toString('hex')}`;
		this.tokens.set(token, {
			label: label ?? `token-${this.tokenCounter}`,
			abilities: abilities === '*' ? '*' : [...abilities],
			userId,
			revoked: false,
		});
		return token;
	}

	revoke(token: string): void {
		const record = this.tokens.get(token);
		if (record) record.revoked = true;
	}

	lookup(token: string): TokenRecord | undefined {
		return this.tokens.get(token);
	}
}
