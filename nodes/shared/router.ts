import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IPairedItemData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** One operation of a resource: its fields and what it does for one input item. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
	/**
	 * For operations that serve many input items with one request (e.g. one SMS job for all
	 * items). Called once with every item index that chose this operation; the operation sets
	 * pairedItem on what it returns.
	 */
	executeBatch?(this: IExecuteFunctions, itemIndexes: number[]): Promise<INodeExecutionData[]>;
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

/** The item loop every action node shares: pairing, continueOnFail, batch operations. */
export async function routeItems(
	this: IExecuteFunctions,
	table: OperationTable,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const batches = new Map<Operation, number[]>();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = table[resource]?.[operationName];
			if (!operation) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operationName}" is not supported for "${resource}"`,
					{
						itemIndex,
					},
				);
			}
			if (operation.executeBatch) {
				const batch = batches.get(operation);
				if (batch) batch.push(itemIndex);
				else batches.set(operation, [itemIndex]);
				continue;
			}
			const results = await operation.execute.call(this, itemIndex);
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

	for (const [operation, itemIndexes] of batches) {
		try {
			// a loop, not push(...): a batch can return more items than a call takes arguments
			for (const result of await operation.executeBatch!.call(this, itemIndexes))
				output.push(result);
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError.call(this, error, itemIndexes[0]);
			output.push(
				errorItem(
					error as Error,
					itemIndexes.map((item) => ({ item })),
				),
			);
		}
	}
	return [output];
}
