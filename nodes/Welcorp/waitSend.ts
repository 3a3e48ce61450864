import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemScope } from '../shared';
import { callEndpoint, errorItem, readTimeout } from '../shared';
import { readAnswerWords } from './answers';
import { readJobContent } from './jobContent';
import { checkMergeFields } from './jobMergeFields';
import { recipientFromItem } from './jobRecipients';
import { WELCORP } from './transport';
import { accountZone } from './transport/values';
import { WAIT_JOB_TYPE, type Channel } from './waitFields';
import { noReplyItem, REFERENCE_PARAMETER } from './waitReply';
import { readWaitLimit, replyPeriodHours } from './waitTime';

const OPERATION: Record<Channel, string> = {
	sms: 'SMS: Send and Wait for Reply',
	voiceCall: 'Voice Call: Call and Wait for Keypress',
};

/**
 * n8n resumes an execution whose wait time passed with the waiting node switched off, and a
 * switched-off node passes on the input it was waiting with. Making that input the "no reply"
 * item makes it the node's output when nobody answers in time (a reply replaces it).
 */
function keepForTimeLimit(context: IExecuteFunctions, item: INodeExecutionData): void {
	const waiting = context.getExecuteData();
	waiting.data = { ...waiting.data, main: [[item]] };
}

function nodeError(context: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex: 0 });
}

/** Creates the job whose callbacks come back to this execution, and says who was asked. */
async function sendJob(this: IExecuteFunctions, channel: Channel, scope: ItemScope) {
	const { itemIndex } = scope;
	const node = this.getNode();
	const type = WAIT_JOB_TYPE[channel];
	const limit = readWaitLimit(this, itemIndex);
	readAnswerWords(
		node,
		(name, fallback) => this.getNodeParameter(name, itemIndex, fallback),
		channel,
	);
	const content = await readJobContent.call(this, itemIndex, type, {
		workflow: this.getTimezone(),
		account: await accountZone(this, itemIndex),
	});
	const recipient = recipientFromItem.call(this, itemIndex, type);
	checkMergeFields(
		node,
		content.texts,
		Object.keys(recipient),
		'recipients',
		content.builtInMergeFields,
		itemIndex,
	);
	// Welcorp echoes the recipient's Reference in every callback: it ties a callback to this job.
	recipient.reference = `n8n-${randomBytes(8).toString('hex')}`;
	// n8n 1.x checks the resume URL's signature only when asked to; n8n 2.x always does (and
	// no longer has this method).
	if (typeof this.setSignatureValidationRequired === 'function')
		this.setSignatureValidationRequired();
	const callbackUrl = this.getSignedResumeUrl({ [REFERENCE_PARAMETER]: recipient.reference });
	const expires = channel === 'sms' ? replyPeriodHours(limit) : undefined;
	const body: IDataObject = {
		...content.body,
		...(expires ? { expires } : {}),
		callback_url: callbackUrl,
		recipients: [recipient],
	};
	const answer = await callEndpoint(this, WELCORP, 'createJob', {
		operation: OPERATION[channel],
		scope,
		body,
		headers: { 'Content-Type': 'application/json' },
	});
	const asked = {
		channel,
		jobId: Number(answer.data),
		from: recipient.destination,
		recipientName: recipient.recipient ?? null,
	};
	return { asked, waitTill: limit.waitTill };
}

/**
 * SMS → Send and Wait for Reply and Voice Call → Call and Wait for Keypress: sends one job and
 * puts the execution to wait; Welcorp's callback resumes it through the node's webhook.
 */
export async function sendAndWait(
	this: IExecuteFunctions,
	channel: Channel,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	if (items.length > 1)
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Destination": this node asks one person and waits for one answer per execution, and got ${items.length} input items`,
			{
				description:
					'Nothing was sent. To ask several people, put "Loop Over Items" (Batch Size 1) before this node, or call a sub-workflow for each item (Execute Workflow, Mode: Run once for each item).',
			},
		);
	const scope: ItemScope = { itemIndex: 0, timeoutMs: readTimeout(this, 0) };
	let sent: Awaited<ReturnType<typeof sendJob>>;
	try {
		sent = await sendJob.call(this, channel, scope);
	} catch (error) {
		if (!this.continueOnFail()) throw nodeError(this, error);
		return [[errorItem(error as Error, { item: 0 })]];
	}
	keepForTimeLimit(this, noReplyItem(sent.asked));
	await this.putExecutionToWait(sent.waitTill);
	return [items];
}
