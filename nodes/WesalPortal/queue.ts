import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../shared';
import { callEndpoint, getOperation, listParameter, shapeOutput } from '../shared';
import { camelName, flatFields, typedValue } from './flatten';
import { getOrganization } from './organization';
import { searchSurveys } from './survey';
import { WESAL_PORTAL, type QueueActivity, type QueueSummary } from './transport';

const DAY_MS = 86_400_000;
/** The queue list looks at the surveys of the last week, then of the last 90 days if it found none. */
const QUEUE_LIST_WINDOWS_DAYS = [7, 90];
/** Surveys read per company for the queue list: enough to meet the queues in use, cheap to load. */
const QUEUE_LIST_SURVEYS = 500;

/** The doc has no call that lists queues: the list comes from the queues recent surveys went through. */
export function queueIdsField(operation: string): INodeProperties {
	return {
		displayName: 'Queue Names or IDs',
		name: 'queueIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getQueues' },
		required: true,
		default: [],
		description:
			'The queues to read. The API has no list of queues: this one holds the queues the surveys of the last week went through (of the last 90 days when the week has none); give any other queue by its ID. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { resource: ['queue'], operation: [operation] } },
	};
}

/** The chosen queues, once each; a comma-separated text (older workflows, expressions) works too. */
export function readQueueIds(context: IExecuteFunctions, itemIndex: number): string[] {
	const ids = [...new Set(listParameter(context.getNodeParameter('queueIds', itemIndex, [])))];
	if (ids.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "Queue Names or IDs": choose at least one queue',
			{
				itemIndex,
				description:
					'Choose queues from the list, or give their IDs, e.g. 01756dxx-…, 02795dxx-…. Nothing was sent.',
			},
		);
	}
	return ids;
}

/** The queues of the organization's recent surveys (extended details name them), by name. */
export async function recentQueues(
	context: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const operation = 'Load queues';
	const { companies } = await getOrganization(context, operation);
	const companyIds = companies.map((company) => Number(company.id)).filter(Number.isInteger);
	const now = Date.now();
	for (const days of QUEUE_LIST_WINDOWS_DAYS) {
		const queues = new Map<string, string>();
		for (const companyId of companyIds) {
			const surveys = await searchSurveys(
				context,
				operation,
				{
					companyId,
					start: new Date(now - days * DAY_MS),
					end: new Date(now),
					extended: true,
					checkFields: true,
				},
				{ returnAll: false, limit: QUEUE_LIST_SURVEYS },
			);
			for (const { conversation } of surveys) {
				const id = conversation?.queueId;
				if (id && !queues.has(id)) queues.set(id, conversation?.queueName || id);
			}
		}
		if (queues.size > 0) {
			return [...queues.entries()]
				.map(([value, name]) => ({ name, value, description: `ID ${value}` }))
				.sort((a, b) => a.name.localeCompare(b.name));
		}
	}
	return [];
}

/** Whether the API knew the queue, and what it said when it did not. */
export function outcome(entry: { success?: boolean | null; message?: unknown }): IDataObject {
	const found = entry.success !== false;
	return found
		? { found }
		: { found, message: typeof entry.message === 'string' ? entry.message : null };
}

/** Simplified summary: one flat item per queue with its figures as numbers. */
export function simplifySummary(entry: QueueSummary): IDataObject {
	return {
		queueId: entry.id ?? null,
		queue: entry.name ?? null,
		...outcome(entry),
		...flatFields(entry, ['id', 'name', 'success', 'message']),
	};
}

/** Simplified activity: one item per queue, one count per routing status, and their sum. */
export function simplifyActivity(entry: QueueActivity): IDataObject {
	const counts: IDataObject = {};
	let members = 0;
	for (const { qualifier, count } of entry.data ?? []) {
		if (!qualifier) continue;
		const value = typedValue(count ?? 0);
		const number = typeof value === 'number' ? value : 0;
		const name = camelName(qualifier);
		counts[name] = ((counts[name] as number | undefined) ?? 0) + number;
		members += number;
	}
	return {
		queueId: entry.queueId ?? null,
		...outcome(entry),
		members,
		...counts,
		...flatFields(entry, ['queueId', 'success', 'message', 'data']),
	};
}

export const SUMMARY_FIELDS: INodePropertyOptions[] = [
	{ name: 'Division Name', value: 'divisionName' },
	{ name: 'Found', value: 'found' },
	{ name: 'Joined Member Count', value: 'joinedMemberCount' },
	{ name: 'Longest Wait (Ms)', value: 'longestWaitMs' },
	{ name: 'Member Count', value: 'memberCount' },
	{ name: 'Message', value: 'message' },
	{ name: 'On-Queue Member Count', value: 'onQueueMemberCount' },
	{ name: 'Queue', value: 'queue' },
	{ name: 'Queue ID', value: 'queueId' },
	{ name: 'Waiting Interactions', value: 'waitingInteractions' },
];

export const ACTIVITY_FIELDS: INodePropertyOptions[] = [
	{ name: 'Communicating', value: 'communicating' },
	{ name: 'Found', value: 'found' },
	{ name: 'Idle', value: 'idle' },
	{ name: 'Interacting', value: 'interacting' },
	{ name: 'Members (All Statuses)', value: 'members' },
	{ name: 'Message', value: 'message' },
	{ name: 'Not Responding', value: 'notResponding' },
	{ name: 'Off Queue', value: 'offQueue' },
	{ name: 'Queue ID', value: 'queueId' },
];

/** What Queue → Get Summary and Get Activity read of each queue, and from which endpoint. */
interface QueueStates {
	getSummary: QueueSummary;
	getActivity: QueueActivity;
}
const QUEUE_STATE_READS = {
	getSummary: { endpoint: 'queueSummary', name: 'Queue: Get Summary' },
	getActivity: { endpoint: 'queueActivity', name: 'Queue: Get Activity' },
} as const;

/** The chosen queues in one request; one item per queue, in the Output shape chosen. */
export function queueStateOperation<K extends keyof QueueStates>(
	operation: K,
	fields: INodePropertyOptions[],
	simplify: (entry: QueueStates[K]) => IDataObject,
): Operation {
	const { endpoint, name } = QUEUE_STATE_READS[operation];
	return getOperation(
		{
			show: { resource: ['queue'], operation: [operation] },
			aboveDates: [queueIdsField(operation)],
			output: { vendor: 'Wesal Portal', fields },
		},
		{
			query: readQueueIds,
			async read(queues, { item, output }) {
				const call = { operation: name, scope: item, body: { queues } };
				const answer = await callEndpoint(this, WESAL_PORTAL, endpoint, call);
				const entries = answer.data.result as Array<QueueStates[K]>;
				return entries.map((entry) => shapeOutput(output, entry, () => simplify(entry)));
			},
		},
	);
}
