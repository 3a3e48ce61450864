import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import {
	dateRangeFields,
	optionsCollection,
	returnAllOrLimit,
	timeoutOption,
} from './descriptions';
import type { OutputChoice } from './output';
import type { ReadLimit } from './pagination';
import { outputFields, readOutput } from './output';
import { readLimit } from './params';
import type { ItemScope, Operation } from './router';
import type { SummaryGroup } from './summary';
import { groupByField, readGroupBy } from './summary';

type Show = { resource: string[]; operation: string[] };

/**
 * The fields of a read operation, in the order the editor shows them (each shown for this
 * operation only). The Options collection always ends with the Timeout.
 */
export interface ReadForm {
	show: Show;
	/** Above the dates: what is read (a company, a job, queues). */
	aboveDates?: INodeProperties[];
	/** Start Date and End Date: what they bound (e.g. "Surveys answered") and the default days back. */
	dates?: { items: string; days: number };
	/** Below the dates, e.g. Date Precision. */
	belowDates?: INodeProperties[];
	/** Get Many: Return All and Limit. Get Summary: Group By with the groups the data has. */
	count?: 'limit' | SummaryGroup[];
	filters?: INodeProperties[];
	/** The Output choice: the vendor's name as Raw names it and the Simplified fields. */
	output?: { vendor: string; fields: INodePropertyOptions[] };
	/** Options shown before the Timeout. */
	options?: INodeProperties[];
}

/** The Filters collection of a read or a trigger: the filters given, in that order. */
export function filtersCollection(options: INodeProperties[], show?: Show): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		...(show ? { displayOptions: { show } } : {}),
		options,
	};
}

const CHOOSE_OR_EXPRESSION =
	'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** A filter of values chosen from a list the node loads; `only` says what it keeps. */
export function listFilter(
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	only: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod },
		default: [],
		description: `${only} ${CHOOSE_OR_EXPRESSION}`,
	};
}

/** The description of a read operation (see ReadForm). */
export function readForm(form: ReadForm): INodeProperties[] {
	const { show, count, output } = form;
	const shown = (fields: INodeProperties[] = []) =>
		fields.map((field) => ({ ...field, displayOptions: { show } }));
	const counting =
		count === 'limit'
			? returnAllOrLimit(show.resource[0], show.operation[0])
			: count
				? [groupByField(show, count)]
				: [];
	return [
		...shown(form.aboveDates),
		...(form.dates ? dateRangeFields(show, form.dates.items, form.dates.days) : []),
		...shown(form.belowDates),
		...counting,
		...shown(form.filters),
		...(output ? outputFields(output.vendor, output.fields, show) : []),
		optionsCollection([...(form.options ?? []), timeoutOption], show),
	];
}

/** The Limit applied to an answer the vendor gives whole. */
export function firstOf<T>(records: T[], page: ReadLimit): T[] {
	return page.returnAll ? records : records.slice(0, page.limit);
}

/**
 * How a read operation reads its query (the fields above Limit, Group By or Output, checked first)
 * and the vendor's records, shaped for output.
 */
interface ReadSteps<Q, R> {
	query?(context: IExecuteFunctions, itemIndex: number): Q;
	read(this: IExecuteFunctions, query: Q, request: R): Promise<IDataObject[]>;
}

type OneRequest = { item: ItemScope; output: OutputChoice };

const asItems = (records: IDataObject[]) => records.map((json) => ({ json }));

/** A read of one thing (or a fixed set) in the Output shape chosen. */
export function getOperation<Q>(form: ReadForm, steps: ReadSteps<Q, OneRequest>): Operation {
	return {
		description: readForm(form),
		async execute(this: IExecuteFunctions, item: ItemScope) {
			const query = steps.query?.(this, item.itemIndex) as Q;
			const output = readOutput(this, item.itemIndex);
			return asItems(await steps.read.call(this, query, { item, output }));
		},
	};
}

/** Get Many: the query, then Return All / Limit and the Output choice. */
export function listOperation<Q>(
	form: ReadForm,
	steps: ReadSteps<Q, OneRequest & { page: ReadLimit }>,
): Operation {
	return {
		description: readForm({ ...form, count: 'limit' }),
		async execute(this: IExecuteFunctions, item: ItemScope) {
			const { itemIndex } = item;
			const query = steps.query?.(this, itemIndex) as Q;
			const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
			const page = { returnAll, limit: returnAll ? 0 : readLimit(this, itemIndex) };
			const output = readOutput(this, itemIndex);
			return asItems(await steps.read.call(this, query, { item, output, page }));
		},
	};
}

/** What a vendor's summary is asked for. */
export interface SummaryAsk {
	item: ItemScope;
	groupBy: SummaryGroup[];
	/** The workflow's, for Day and Week. */
	timezone: string;
}

/** Get Summary: the query, then Group By; one item per group. */
export function summaryOperation<Q>(
	form: ReadForm & { count: SummaryGroup[] },
	steps: ReadSteps<Q, SummaryAsk>,
): Operation {
	return {
		description: readForm(form),
		async execute(this: IExecuteFunctions, item: ItemScope) {
			const query = steps.query?.(this, item.itemIndex) as Q;
			const groupBy = readGroupBy(this, item.itemIndex, form.count);
			const timezone = this.getTimezone();
			return asItems(await steps.read.call(this, query, { item, groupBy, timezone }));
		},
	};
}
