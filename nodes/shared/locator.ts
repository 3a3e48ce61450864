import type {
	IExecuteFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from './text';

export interface LocatorSpec {
	displayName: string;
	name: string;
	/** The node's listSearch method that pages through the vendor's list. */
	searchMethod: string;
	/** What an ID looks like, e.g. "a whole number, e.g. 60276558". */
	idHint: string;
	/** A regular expression a typed ID must match (whole value). */
	idPattern: string;
	placeholder: string;
	description?: string;
	required?: boolean;
}

/** A resource locator: From List (searchable, paged) by default, or By ID. */
export function locatorField(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		...(spec.description ? { description: spec.description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: spec.idPattern,
							errorMessage: `${spec.displayName} must be ${spec.idHint}`,
						},
					},
				],
			},
		],
	};
}

/**
 * The ID a resource locator holds (whatever its mode, or a plain value from an expression or an
 * older workflow), checked against the locator's pattern before anything is sent.
 */
export function readLocatorId(
	context: IExecuteFunctions | IPollFunctions,
	spec: Pick<LocatorSpec, 'displayName' | 'name' | 'idHint' | 'idPattern'>,
	itemIndex?: number,
): string {
	const raw =
		itemIndex === undefined
			? (context as IPollFunctions).getNodeParameter(spec.name, '', { extractValue: true })
			: (context as IExecuteFunctions).getNodeParameter(spec.name, itemIndex, '', {
					extractValue: true,
				});
	const value = String(
		typeof raw === 'object' && raw !== null && 'value' in raw
			? (raw as { value: unknown }).value
			: (raw ?? ''),
	).trim();
	if (!new RegExp(spec.idPattern).test(value)) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "${spec.displayName}": ${value ? `"${value}" is not ${spec.idHint}` : 'it is required'}`,
			{ itemIndex, description: 'Choose one from the list, or enter its ID. Nothing was sent.' },
		);
	}
	return value;
}

/**
 * An optional resource locator (a filter, an update field): undefined when left empty in either
 * mode (or 0, the empty value of a number field an expression may still give), otherwise the ID
 * checked like readLocatorId; `name` is the parameter's path, e.g. "filters.userId".
 */
export function readOptionalLocatorId(
	context: IExecuteFunctions | IPollFunctions,
	spec: Pick<LocatorSpec, 'displayName' | 'idHint' | 'idPattern'>,
	name: string,
	itemIndex?: number,
): string | undefined {
	const raw: unknown =
		itemIndex === undefined
			? (context as IPollFunctions).getNodeParameter(name, '')
			: (context as IExecuteFunctions).getNodeParameter(name, itemIndex, '');
	const value = isRecord(raw) && 'value' in raw ? raw.value : raw;
	if (value === undefined || value === null || value === 0 || String(value).trim() === '') {
		return undefined;
	}
	return readLocatorId(context, { ...spec, name }, itemIndex);
}

/**
 * One page of a From List search: the items whose name contains the filter (ignoring case), the
 * next page's token when the vendor has more. Vendors without a search parameter are filtered here.
 */
export function searchPage(
	items: INodeListSearchItems[],
	filter: string | undefined,
	next: string | number | undefined,
): INodeListSearchResult {
	const wanted = filter?.trim().toLowerCase() ?? '';
	return {
		results: wanted ? items.filter((item) => item.name.toLowerCase().includes(wanted)) : items,
		...(next !== undefined ? { paginationToken: next } : {}),
	};
}
