import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readLimit, returnAllOrLimit, timeoutOption } from '../../../shared';
import { JOB_STATUSES, jobTypeOptions } from '../../jobs/types';
import { listJobs, readJobFilters } from '../../jobs/list';
import { checkTimeZone } from '../../time';
import { welcorpCredentials } from '../../transport';

const show = { resource: ['job'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit('job', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Job Name',
				name: 'jobName',
				type: 'string',
				default: '',
				placeholder: 'Schedule-Reminder',
				description: 'Only jobs given exactly this name when they were created',
			},
			{
				displayName: 'Job Status',
				name: 'jobStatus',
				type: 'options',
				options: JOB_STATUSES.map((status) => ({
					name: status.replace(/^\w|\s\w/g, (c) => c.toUpperCase()),
					value: status,
				})),
				default: 'complete',
			},
			{
				displayName: 'Job Type',
				name: 'jobType',
				type: 'options',
				options: jobTypeOptions('filter'),
				default: 'Sms',
			},
			{
				displayName: 'Started After',
				name: 'startAfter',
				type: 'dateTime',
				default: '',
				description: 'Only jobs submitted after this time',
			},
			{
				displayName: 'Started Before',
				name: 'startBefore',
				type: 'dateTime',
				default: '',
				description: 'Only jobs submitted before this time',
			},
			{
				displayName: 'User Code',
				name: 'userCode',
				type: 'string',
				default: '',
				placeholder: 'au/my_test_account',
				description: 'Only jobs of the user with this login (agents and admins only)',
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'number',
				default: 0,
				description: 'Only jobs of this user (agents and admins only)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [timeoutOption],
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { timeZone } = await welcorpCredentials(this);
	const raw = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filters = readJobFilters(
		this.getNode(),
		raw,
		{ workflow: this.getTimezone(), account: checkTimeZone(this.getNode(), timeZone) },
		itemIndex,
	);
	const jobs = await listJobs(
		this,
		'Job: Get Many',
		filters,
		{ returnAll, limit },
		{ itemIndex, timeoutMs: options.timeout as number | undefined },
	);
	return jobs.map((job) => ({ json: job as IDataObject }));
}
