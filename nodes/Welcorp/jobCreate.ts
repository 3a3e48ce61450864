import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BatchResult, ItemScope } from '../shared';
import { callEndpoint } from '../shared';
import { readCallbackUrl } from './callbackTarget';
import { readJobContent } from './jobContent';
import { createJobFields } from './jobFields';
import type { JobForm } from './jobForm';
import { checkMergeFields } from './jobMergeFields';
import { definedRecipients, recipientFromItem, userListIds, type Recipient } from './jobRecipients';
import { JOB_TYPES, type JobType } from './jobTypes';
import { WELCORP } from './transport';
import { accountZone } from './transport/values';

/** What an operation that sends jobs sends: its job types and its name in errors. */
export interface JobSender {
	/** One type: always that one; more: the Job Type parameter picks one of them. */
	types: JobType[];
	operation: string;
}

function jobType(this: IExecuteFunctions, sender: JobSender, itemIndex: number): JobType {
	if (sender.types.length === 1) return sender.types[0];
	const type = this.getNodeParameter('jobType', itemIndex) as JobType;
	if (!JOB_TYPES[type])
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Job Type": "${String(type)}" is not a Welcorp job type`,
			{ itemIndex },
		);
	if (!sender.types.includes(type))
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Job Type": "${String(type)}" is not one of ${sender.types.map((t) => JOB_TYPES[t].name).join(', ')}`,
			{ itemIndex },
		);
	return type;
}

/** One job for the given input items: job fields from the first, one recipient per item. */
async function createJob(
	this: IExecuteFunctions,
	sender: JobSender,
	items: ItemScope[],
): Promise<INodeExecutionData> {
	const first = items[0];
	const { itemIndex } = first;
	const node = this.getNode();
	const type = jobType.call(this, sender, itemIndex);
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

	const callbackUrl = await readCallbackUrl(this, itemIndex);
	const body = {
		...content.body,
		...(callbackUrl ? { callback_url: callbackUrl } : {}),
		...(lists ? { user_list_ids: lists } : { recipients }),
	};
	const answer = await callEndpoint(this, WELCORP, 'createJob', {
		operation: sender.operation,
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
 * An operation that sends jobs, for every item that chose it: by default one job (one request)
 * with every input item as a recipient, which stands or fails for all of them; otherwise one job
 * per item. The router pairs the results and applies Continue On Fail.
 */
export async function createJobs(
	this: IExecuteFunctions,
	sender: JobSender,
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
			results.push({ items: indexes, output: [await createJob.call(this, sender, batch)] });
		} catch (error) {
			results.push({ items: indexes, error });
			// The node stops at this error: the jobs of the items after it must not go out.
			if (!this.continueOnFail()) break;
		}
	}
	return results;
}

/** An operation that sends jobs of the form's types: its fields, and one batch for all its items. */
export function jobSendOperation(form: JobForm, operation: string, fields: INodeProperties[]) {
	const sender: JobSender = { types: form.types, operation };
	return {
		description: fields,
		/** Every item goes through executeBatch (one job may serve them all): never called alone. */
		async execute(this: IExecuteFunctions, item: ItemScope): Promise<INodeExecutionData[]> {
			const [result] = await createJobs.call(this, sender, [item]);
			if ('error' in result) throw result.error;
			return result.output;
		},
		/** Called once with every item that chose the operation, so that one job can serve them all. */
		async executeBatch(this: IExecuteFunctions, items: ItemScope[]): Promise<BatchResult[]> {
			return await createJobs.call(this, sender, items);
		},
	};
}

/** Email, Fax, SMS and Voice Call → Send: a job of the channel's own types, with all their fields. */
export function channelSendOperation(
	resource: string,
	types: JobType[],
	callbacks: JobForm['callbacks'],
	operation: string,
	typeLabel?: string,
) {
	const form: JobForm = {
		show: { resource: [resource], operation: ['send'] },
		types,
		...(typeLabel ? { typeLabel } : {}),
		callbacks,
	};
	return jobSendOperation(form, operation, createJobFields(form));
}
