import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** What a read returns: n8n's Simplified / Raw / Selected Fields choice. */
export type OutputMode = 'simplified' | 'raw' | 'selected';

export interface OutputChoice {
	mode: OutputMode;
	/** Selected Fields: names of the simplified record; `prefix*` takes every field starting so. */
	fields: string[];
}

/**
 * The Output choice of a read or a trigger, shown on top as n8n's guidelines ask: Simplified by
 * default (flat fields a filter or a sheet row can use), Raw (the vendor's answer as it is),
 * Selected Fields (a choice of the simplified fields).
 */
export function outputFields(
	vendor: string,
	fields: INodePropertyOptions[],
	show?: IDisplayOptions['show'],
): INodeProperties[] {
	const displayOptions = show ? { displayOptions: { show } } : {};
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{
					name: 'Simplified',
					value: 'simplified',
					description:
						'Flat, named fields with numbers and ISO dates, ready for filters and sheets',
				},
				{ name: 'Raw', value: 'raw', description: `The answer as ${vendor} sent it` },
				{ name: 'Selected Fields', value: 'selected', description: 'Only the fields you choose' },
			],
			default: 'simplified',
			...displayOptions,
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			options: fields,
			default: [],
			description: 'The fields of the simplified output to return',
			displayOptions: { show: { ...show, output: ['selected'] } },
		},
	];
}

/** Reads and checks the Output choice (of an item, or of a trigger when itemIndex is absent). */
export function readOutput(
	context: IExecuteFunctions | IPollFunctions,
	itemIndex?: number,
): OutputChoice {
	const parameter = (name: string, fallback: unknown) =>
		itemIndex === undefined
			? (context as IPollFunctions).getNodeParameter(name, fallback)
			: (context as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback);
	const mode = parameter('output', 'simplified') as OutputMode;
	if (mode !== 'simplified' && mode !== 'raw' && mode !== 'selected') {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Output": "${String(mode)}" must be Simplified, Raw or Selected Fields`,
			{ itemIndex },
		);
	}
	const fields = mode === 'selected' ? (parameter('fields', []) as unknown) : [];
	if (mode === 'selected' && (!Array.isArray(fields) || fields.length === 0)) {
		throw new NodeOperationError(context.getNode(), 'Invalid "Fields": choose at least one field', {
			itemIndex,
			description: 'Selected Fields returns only the fields chosen under Fields. Nothing was sent.',
		});
	}
	return { mode, fields: (fields as unknown[]).map(String) };
}

/** The fields of a record that a Selected Fields choice names, in the record's order. */
export function pickFields(record: IDataObject, fields: string[]): IDataObject {
	const exact = new Set(fields.filter((field) => !field.endsWith('*')));
	const prefixes = fields.filter((field) => field.endsWith('*')).map((field) => field.slice(0, -1));
	const picked: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (exact.has(key) || prefixes.some((prefix) => key.startsWith(prefix))) picked[key] = value;
	}
	return picked;
}

/** One output record in the chosen shape; `simplify` runs only when the shape needs it. */
export function shapeOutput(
	choice: OutputChoice,
	raw: object,
	simplify: () => IDataObject,
): IDataObject {
	if (choice.mode === 'raw') return raw as IDataObject;
	const simplified = simplify();
	return choice.mode === 'selected' ? pickFields(simplified, choice.fields) : simplified;
}

/** A record that simplifies to several rows (an organization to its companies): Raw keeps it whole. */
export function shapeOutputRows(
	choice: OutputChoice,
	raw: object,
	simplify: () => IDataObject[],
): IDataObject[] {
	if (choice.mode === 'raw') return [raw as IDataObject];
	const rows = simplify();
	return choice.mode === 'selected' ? rows.map((row) => pickFields(row, choice.fields)) : rows;
}
