import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BatchResult, ItemScope } from '../shared';
import { callEndpoint } from '../shared';
import { readJobContent } from './jobContent';
import { checkMergeFields } from './jobMergeFields';
import { definedRecipients, recipientFromItem, userListIds, type Recipient } from './jobRecipients';
import { JOB_TYPES, type JobType } from './jobTypes';
import { WELCORP } from './transport';
import { accountZone } from './transport/values';

/** One job for the given input items: job fields from the first, one recipient per item. */
async function createJob(this: IExecuteFunctions, items: ItemScope[]): Promise<INodeExecutionData> {
	const first = items[0];
	const { itemIndex } = first;
	const node = this.getNode();
	const type = this.getNodeParameter('jobType', itemIndex) as JobType;
	if (!JOB_TYPES[type])
		throw new NodeOperationError(
			node,
			`Invalid "Job Type": "${String(type)}" is not a Welcorp job type`,
			{ itemIndex },
		);
	const source = this.getNodeParameter('recipientSource', itemIndex) as string;
	const content = await readJobContent.call(this, itemIndex, type, {
		workflow: this.getTimezone(),
		account: await accountZone(this, itemIndex),
	});

	let recipients: Recipient[] | undefined;
	let lists: string | undefined;
	if (source === 'userLists') lists = userListIds.call(this, itemIndex);
	else if (source === 'defined') recipients = definedRecipients.call(this, itemIndex, type);
	else recipients = items.map((item) => recipientFromItem.call(this, item.itemIndex, type));

	const provided = new Set<string>();
	for (const recipient of recipients ?? [])
		for (const key of Object.keys(recipient)) provided.add(key);
	checkMergeFields(
		node,
		content.texts,
		provided,
		lists ? 'lists' : 'recipients',
		content.builtInMergeFields,
		itemIndex,
	);

	const body = { ...content.body, ...(lists ? { user_list_ids: lists } : { recipients }) };
	const answer = await callEndpoint(this, WELCORP, 'createJob', {
		operation: 'Job: Create',
		scope: first,
		body,
		headers: { 'Content-Type': 'application/json' },
	});
	return {
		json: {
			job_id: answer.data,
			status: answer.status ?? 200,
			job_type: JOB_TYPES[type].create,
			...(content.body.job_name ? { job_name: content.body.job_name } : {}),
			...(lists ? { user_list_ids: lists } : { recipients: recipients!.length }),
		},
	};
}

/**
 * Job → Create for every item that chose it: by default one job (one request) with every input
 * item as a recipient, which stands or fails for all of them; otherwise one job per item. The
 * router pairs the results and applies Continue On Fail.
 */
export async function createJobs(
	this: IExecuteFunctions,
	items: ItemScope[],
): Promise<BatchResult[]> {
	const { itemIndex } = items[0];
	const source = this.getNodeParameter('recipientSource', itemIndex) as string;
	const oneJob =
		source === 'inputItems' && this.getNodeParameter('batching', itemIndex) === 'oneJob';
	const batches = oneJob ? [items] : items.map((item) => [item]);
	const results: BatchResult[] = [];
	for (const batch of batches) {
		const indexes = batch.map((item) => item.itemIndex);
		try {
			results.push({ items: indexes, output: [await createJob.call(this, batch)] });
		} catch (error) {
			results.push({ items: indexes, error });
			// The node stops at this error: the jobs of the items after it must not go out.
			if (!this.continueOnFail()) break;
		}
	}
	return results;
}
