import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	outputFields,
	readLimit,
	readOutput,
	returnAllOrLimit,
	shapeOutput,
	timeoutOnlyOptions,
} from '../../../shared';
import { jobFilterOptions, listJobs, readJobFilters } from '../../job';
import { JOB_FIELDS, simplifyJob } from '../../jobOutput';
import { accountZone } from '../../transport/values';

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
		options: jobFilterOptions(true),
	},
	...outputFields('Welcorp', JOB_FIELDS, show),
	timeoutOnlyOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const output = readOutput(this, itemIndex);
	const zone = await accountZone(this, itemIndex);
	const filters = readJobFilters(this, { workflow: this.getTimezone(), account: zone }, itemIndex);
	const jobs = await listJobs(this, 'Job: Get Many', filters, { returnAll, limit }, item);
	return jobs.map((job) => ({
		json: shapeOutput(output, job, () => simplifyJob(job as IDataObject, zone)),
	}));
}
