import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	callEndpoint,
	locatorField,
	outputFields,
	readLocatorId,
	readOutput,
	shapeOutput,
	timeoutOnlyOptions,
} from '../../../shared';
import { JOB_ID } from '../../job';
import { JOB_FIELDS, simplifyJob, withoutSecrets } from '../../jobOutput';
import { WELCORP } from '../../transport';
import { accountZone } from '../../transport/values';

const show = { resource: ['job'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...locatorField(JOB_ID), displayOptions: { show } },
	...outputFields('Welcorp', JOB_FIELDS, show),
	timeoutOnlyOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const jobId = readLocatorId(this, JOB_ID, item.itemIndex);
	const output = readOutput(this, item.itemIndex);
	const zone = await accountZone(this, item.itemIndex);
	const answer = await callEndpoint(this, WELCORP, 'getJob', {
		operation: 'Job: Get',
		scope: item,
		pathParams: { jobId },
	});
	const job = withoutSecrets(answer.data as IDataObject);
	return [{ json: shapeOutput(output, job, () => simplifyJob(job, zone)) }];
}
