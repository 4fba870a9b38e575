import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, NodeApiError } from 'n8n-workflow';

/**
 * One output per input item, in input order, each paired with its input. A failed item becomes an
 * error item under Continue On Fail; otherwise the first failure (in item order) stops the node.
 */
export class ItemResults {
	private readonly outputs = new Map<number, INodeExecutionData[]>();

	private readonly failures = new Map<number, Error>();

	constructor(private readonly context: IExecuteFunctions) {}

	succeed(itemIndex: number, json: INodeExecutionData['json'] | INodeExecutionData['json'][], binary?: INodeExecutionData['binary']): void {
		const list = Array.isArray(json) ? json : [json];
		const outputs = this.outputs.get(itemIndex) ?? [];
		outputs.push(...list.map((entry) => ({ json: entry, binary, pairedItem: { item: itemIndex } })));
		this.outputs.set(itemIndex, outputs);
	}

	fail(itemIndex: number, error: unknown): void {
		// A node error (and the one made here) names its item below, where it does not yet.
		const failure = error instanceof Error ? error : new NodeOperationError(this.context.getNode(), String(error));
		const withContext = failure as NodeApiError;
		if (withContext.context && withContext.context.itemIndex === undefined) {
			withContext.context.itemIndex = itemIndex;
		}
		this.failures.set(itemIndex, failure);
	}

	hasFailed(itemIndex: number): boolean {
		return this.failures.has(itemIndex);
	}

	/** Throws the first failure unless Continue On Fail is on. */
	collect(itemCount: number): INodeExecutionData[][] {
		const returnData: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
			const failure = this.failures.get(itemIndex);
			if (failure) {
				if (!this.context.continueOnFail()) throw failure;
				returnData.push({
					json: { error: failure.message, ...this.errorDetails(failure) },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			returnData.push(...(this.outputs.get(itemIndex) ?? []));
		}
		return [returnData];
	}

	private errorDetails(failure: Error): INodeExecutionData['json'] {
		const description = (failure as NodeApiError).description;
		const httpCode = (failure as NodeApiError).httpCode;
		return {
			...(description ? { description } : {}),
			...(httpCode ? { httpCode } : {}),
		};
	}
}
