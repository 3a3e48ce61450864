import type { IDataObject, NodeApiError } from 'n8n-workflow';

/** A bulk read whose Raw output checks only each record's id (nodes/shared/recordCheck.ts). */
export interface IdsOnlyRead {
	/** The error message of an answer that is not the documented shape. */
	notTheShape: string;
	/**
	 * Serves the API's answer with its records changed by `change` (a value it returns replaces the
	 * records) instead of the next `count` reads; resolves the records served.
	 */
	serve(change: (records: IDataObject[]) => unknown, count: number): Promise<IDataObject[]>;
	run(output: string): Promise<{
		items: Array<{ json: IDataObject }>;
		error?: { message: string; description?: string | null };
	}>;
	/** How many list reads reached the emulator. */
	reads(): Promise<number>;
	/** Gives two records fields of another type than the doc's; `changed` is one of them. */
	wrongTypes(records: IDataObject[]): void;
	changed: { index: number; field: string; value: unknown };
	/** Records whose id is missing or not an id, by name. */
	brokenIds: Array<[string, (records: IDataObject[]) => unknown]>;
}

/**
 * With Output → Raw only the ids are checked and the records are passed on as sent; Simplified
 * and Selected Fields read the fields, so those are checked too; a broken id is an error in every
 * mode, after the retries of a read.
 */
export function describeIdsOnlyRaw(read: IdsOnlyRead): void {
	it('with Output → Raw only the ids are checked: fields of another type are passed on as sent', async () => {
		const served = await read.serve(read.wrongTypes, 1);
		const { items, error } = await read.run('raw');
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(served);
		const { index, field, value } = read.changed;
		expect(items[index].json[field]).toEqual(value);
		expect(await read.reads()).toBe(1);
	});

	it.each(['simplified', 'selected'])(
		'with Output → %s the fields are checked: the same answer is not the documented shape',
		async (output) => {
			await read.serve(read.wrongTypes, 4);
			const { error } = await read.run(output);
			expect(error?.message).toBe(read.notTheShape);
			expect(error?.description).toMatch(/^The answer did not have the documented shape \(/);
			// An answer of a read is retried like any transient failure.
			expect(await read.reads()).toBe(4);
		},
	);

	it.each(read.brokenIds)(
		'with Output → Raw, %s is still not the documented shape',
		async (_name, change) => {
			await read.serve(change, 4);
			const { error } = await read.run('raw');
			expect(error?.message).toBe(read.notTheShape);
			expect(error?.description).toContain('It was tried 4 times.');
			expect((error as unknown as NodeApiError).httpCode).toBe('200');
		},
	);
}
