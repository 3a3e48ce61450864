import type { INodeProperties } from 'n8n-workflow';

import { operationField } from './descriptions';
import type { Operation } from './router';

/** One choice of a resource's Operation field and the module behind it. */
export interface OperationEntry {
	/** Its fields, and execute unless the node runs it itself (send and wait). */
	module: { description: INodeProperties[] } & Partial<Operation>;
	name: string;
	value: string;
	/** What the operation does and returns, for people and AI agents choosing one. */
	description: string;
	action: string;
}

/**
 * A resource from the table of its operations: the operations the item router runs, and its
 * fields (the Operation field, its options in name order, then each operation's fields in the
 * table's order).
 */
export function resource(name: string, defaultOperation: string, entries: OperationEntry[]) {
	const operations: Record<string, Operation> = {};
	for (const { module, value } of entries)
		if (module.execute) operations[value] = module as Operation;
	const options = entries
		.map(({ name, value, description, action }) => ({ name, value, description, action }))
		// the alphabetical order n8n's linter asks of an options field
		.sort((a, b) => (a.name < b.name ? -1 : 1));
	const description: INodeProperties[] = [
		operationField(name, options, defaultOperation),
		...entries.flatMap((entry) => entry.module.description),
	];
	return { operations, description };
}
