/** Pre-signed storage URLs: HMAC-signed, bound to a method and a path, expiring. */
import { createHmac, randomBytes } from 'node:crypto';

export type StorageResource =
	| { kind: 'upload'; key: string }
	| { kind: 'document'; documentId: string }
	| { kind: 'workflowFile'; runId: string };

export interface SignedUrlRecord {
	method: 'GET' | 'PUT';
	/** Encoded pathname the signature is bound to. */
	path: string;
	expiresAt: number;
	resource: StorageResource;
}

export class SignedUrlStore {
	private readonly signingSecret = randomBytes(32);
	private readonly signedUrls = new Map<string, SignedUrlRecord>();
	private signedUrlCounter = 0;

	/** `storageUrl` is the storage listener's origin; `now` the fake's clock reading. */
	sign(
		storageUrl: string,
		now: number,
		method: 'GET' | 'PUT',
		encodedPath: string,
		ttlMs: number,
		resource: StorageResource,
	): { url: string; expiresAt: number } {
		this.signedUrlCounter += 1;
		const expiresAt = now + ttlMs;
		const signature = createHmac('sha256', this.signingSecret)
			.update(`${method}\n${encodedPath}\n${expiresAt}\n${this.signedUrlCounter}`)
			.digest('hex');
		this.signedUrls.set(signature, { method, path: encodedPath, expiresAt, resource });
		const expiresSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
		return {
			url: `${storageUrl}${encodedPath}?X-Amz-Signature=${signature}&X-Amz-Expires=${expiresSeconds}`,
			expiresAt,
		};
	}

	find(signature: string): SignedUrlRecord | undefined {
		return this.signedUrls.get(signature);
	}
}
