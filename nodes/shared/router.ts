import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IPairedItemData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CallScope } from './call';
import { readTimeout } from './params';

/** One input item as the router hands it to an operation, with its cross-cutting options read once. */
export interface ItemScope extends CallScope {
	itemIndex: number;
	timeoutMs: number;
}

/** What a batch operation made of some of its items: their output, or the error they share. */
export type BatchResult =
	| { items: number[]; output: INodeExecutionData[] }
	| { items: number[]; error: unknown };

/** One operation of a resource: its fields and what it does for one input item. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, item: ItemScope): Promise<INodeExecutionData[]>;
	/**
	 * For operations that serve many input items with one request (e.g. one SMS job for all
	 * items). Called once with every item that chose this operation; each result names the
	 * items it stands for, so pairing and Continue On Fail work as for single items.
	 */
	executeBatch?(this: IExecuteFunctions, items: ItemScope[]): Promise<BatchResult[]>;
}

export type OperationTable = Record<string, Record<string, Operation>>;

/** The item continueOnFail leaves in place of a failed one: message and, when there is one, description. */
export function errorItem(
	error: Error,
	paired: IPairedItemData | IPairedItemData[],
): INodeExecutionData {
	const description = (error as { description?: unknown }).description;
	return {
		json: {
			error: error.message,
			...(typeof description === 'string' && description ? { description } : {}),
		},
		pairedItem: paired,
	};
}

function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

const pairedTo = (items: number[]): IPairedItemData | IPairedItemData[] =>
	items.length === 1 ? { item: items[0] } : items.map((item) => ({ item }));

/** The item loop every action node shares: pairing, continueOnFail, batch operations. */
export async function routeItems(
	this: IExecuteFunctions,
	table: OperationTable,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const batches = new Map<Operation, ItemScope[]>();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = table[resource]?.[operationName];
			if (!operation) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operationName}" is not supported for "${resource}"`,
					{ itemIndex, description: 'Choose another operation in the node.' },
				);
			}
			const scope: ItemScope = { itemIndex, timeoutMs: readTimeout(this, itemIndex) };
			if (operation.executeBatch) {
				const batch = batches.get(operation);
				if (batch) batch.push(scope);
				else batches.set(operation, [scope]);
				continue;
			}
			const results = await operation.execute.call(this, scope);
			// the operation's own items: paired in place (a copy of each would cost a lot on bulk reads)
			for (const result of results) {
				result.pairedItem ??= { item: itemIndex };
				output.push(result);
			}
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError.call(this, error, itemIndex);
			output.push(errorItem(error as Error, { item: itemIndex }));
		}
	}

	for (const [operation, scopes] of batches) {
		for (const result of await operation.executeBatch!.call(this, scopes)) {
			if ('error' in result) {
				if (!this.continueOnFail()) throw asNodeError.call(this, result.error, result.items[0]);
				output.push(errorItem(result.error as Error, pairedTo(result.items)));
				continue;
			}
			// a loop, not push(...): a batch can return more items than a call takes arguments
			for (const item of result.output) {
				item.pairedItem ??= pairedTo(result.items);
				output.push(item);
			}
		}
	}
	return [output];
}
