import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorItem } from '../../shared';
import { idAnswerSchema } from '../schemas';
import { checkTimeZone } from '../time';
import { welcorpCredentials, welcorpRequest } from '../transport';
import { readJobContent } from './content';
import { checkMergeFields } from './mergeFields';
import { definedRecipients, recipientFromItem, userListIds, type Recipient } from './recipients';
import { JOB_TYPES, type JobType } from './types';

/** One job for the given input items: job fields from the first, one recipient per item. */
async function createJob(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<INodeExecutionData> {
	const first = itemIndexes[0];
	const node = this.getNode();
	const type = this.getNodeParameter('jobType', first) as JobType;
	if (!JOB_TYPES[type])
		throw new NodeOperationError(
			node,
			`Invalid "Job Type": "${String(type)}" is not a Welcorp job type`,
			{ itemIndex: first },
		);
	const source = this.getNodeParameter('recipientSource', first) as string;
	const { timeZone } = await welcorpCredentials(this);
	const content = await readJobContent.call(this, first, type, {
		workflow: this.getTimezone(),
		account: checkTimeZone(node, timeZone),
	});

	let recipients: Recipient[] | undefined;
	let lists: string | undefined;
	if (source === 'userLists') lists = userListIds.call(this, first);
	else if (source === 'defined') recipients = definedRecipients.call(this, first, type);
	else recipients = itemIndexes.map((itemIndex) => recipientFromItem.call(this, itemIndex, type));

	const provided = new Set<string>();
	for (const recipient of recipients ?? [])
		for (const key of Object.keys(recipient)) provided.add(key);
	checkMergeFields(
		node,
		content.texts,
		provided,
		lists ? 'lists' : 'recipients',
		content.builtInMergeFields,
		first,
	);

	const body = { ...content.body, ...(lists ? { user_list_ids: lists } : { recipients }) };
	const answer = await welcorpRequest(this, 'createJob', {
		operation: 'Job: Create',
		body,
		schema: idAnswerSchema,
		itemIndex: first,
	});
	return {
		json: {
			job_id: answer.data,
			status: answer.status ?? 200,
			job_type: JOB_TYPES[type].create,
			...(content.body.job_name ? { job_name: content.body.job_name } : {}),
			...(lists ? { user_list_ids: lists } : { recipients: recipients!.length }),
		},
		pairedItem: itemIndexes.length === 1 ? { item: first } : itemIndexes.map((item) => ({ item })),
	};
}

function withItemIndex(error: unknown, itemIndex: number): Error {
	if (
		(error instanceof NodeApiError || error instanceof NodeOperationError) &&
		error.context.itemIndex === undefined
	) {
		error.context.itemIndex = itemIndex;
	}
	return error as Error;
}

/**
 * Job → Create for all items that chose it: by default one job (one request) with every input
 * item as a recipient; otherwise one job per item, each failing on its own.
 */
export async function createJobs(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<INodeExecutionData[]> {
	const first = itemIndexes[0];
	const source = this.getNodeParameter('recipientSource', first) as string;
	const oneJob = source === 'inputItems' && this.getNodeParameter('batching', first) === 'oneJob';
	if (oneJob) return [await createJob.call(this, itemIndexes)];

	const results: INodeExecutionData[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			results.push(await createJob.call(this, [itemIndex]));
		} catch (error) {
			if (!this.continueOnFail()) throw withItemIndex(error, itemIndex);
			results.push(errorItem(error as Error, { item: itemIndex }));
		}
	}
	return results;
}
