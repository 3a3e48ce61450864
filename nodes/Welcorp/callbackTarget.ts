import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldFor, shownFor, type JobForm } from './jobForm';
import { invalid } from './jobOptions';
import { ALL_JOB_TYPES } from './jobTypes';
import { WELCORP } from './transport';

/** Welcorp posts callbacks for every job type but email. */
const CALLBACK_TYPES = ALL_JOB_TYPES.filter((type) => type !== 'email');

const TARGET = 'Send Delivery Reports and Replies To';

/** The query parameter the Callback Trigger reads its secret from. */
export const SECRET_PARAMETER = 'token';

export function isHttpUrl(value: string): boolean {
	return /^https?:\/\/[^\s/]+/i.test(value);
}

/** "Send Delivery Reports and Replies To" and, for a custom target, its URL. */
export function callbackFields(form: JobForm): INodeProperties[] {
	if (form.callbacks !== 'target') return [];
	const custom = shownFor(form, CALLBACK_TYPES, { callbackTarget: ['custom'] });
	return [
		...fieldFor(form, CALLBACK_TYPES, {
			displayName: TARGET,
			name: 'callbackTarget',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'A Custom URL',
					value: 'custom',
					description: 'Any URL that accepts form posts, used as given',
				},
				{
					name: 'Nowhere',
					value: 'none',
					description: 'Welcorp posts nothing back for this job',
				},
				{
					name: 'The Callback URL in the Credential',
					value: 'credential',
					description:
						'Your Welcorp Callback Trigger, as set in the Welcorp credential; its Callback Secret is added for you',
				},
			],
			default: 'none',
			description:
				'Where Welcorp posts delivery reports (fax, text to speech, voice), SMS replies and, with Status Callbacks on, SMS delivery reports',
		}),
		...(custom
			? [
					{
						displayName: 'Callback URL',
						name: 'callbackUrl',
						type: 'string' as const,
						default: '',
						required: true,
						placeholder: 'https://example.com/welcorp-callbacks',
						displayOptions: custom,
					},
				]
			: []),
	];
}

/** The URL with the secret set as its token parameter (replacing any token it already has). */
export function withSecret(url: string, secret: string): string {
	const target = new URL(url);
	target.searchParams.set(SECRET_PARAMETER, secret);
	return target.toString();
}

async function credentialTarget(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	const node = context.getNode();
	const credentials = await context.getCredentials(WELCORP.credentialType, itemIndex);
	const url = String(credentials.callbackUrl ?? '').trim();
	const secret = String(credentials.callbackSecret ?? '');
	const where = 'Open the Welcorp credential and fill in';
	if (!url)
		throw invalid(
			node,
			TARGET,
			'the Welcorp credential has no Callback URL',
			itemIndex,
			`${where} Callback URL with the Production URL your Welcorp Callback Trigger shows. Nothing was sent.`,
		);
	if (!isHttpUrl(url))
		throw invalid(
			node,
			TARGET,
			'the Callback URL of the Welcorp credential is not an http(s) URL',
			itemIndex,
			`${where} Callback URL with the Production URL your Welcorp Callback Trigger shows. Nothing was sent.`,
		);
	if (!secret)
		throw invalid(
			node,
			TARGET,
			'the Welcorp credential has no Callback Secret',
			itemIndex,
			`The Callback Trigger refuses every call without one. ${where} Callback Secret with a long random text. Nothing was sent.`,
		);
	return withSecret(url, secret);
}

/**
 * The job's callback_url: the credential's Callback URL with its secret, a custom URL, or none.
 * Job → Create version 1 kept its URL in Additional Fields → Callback URL.
 */
export async function readCallbackUrl(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<string | undefined> {
	const node = context.getNode();
	const target = context.getNodeParameter('callbackTarget', itemIndex, 'none') as string;
	if (target === 'credential') return await credentialTarget(context, itemIndex);
	const legacy = (context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject)
		.callbackUrl;
	const given =
		target === 'custom' ? context.getNodeParameter('callbackUrl', itemIndex, '') : legacy;
	const url = String(given ?? '').trim();
	if (!url) {
		if (target === 'custom') throw invalid(node, 'Callback URL', 'it is required', itemIndex);
		return undefined;
	}
	if (!isHttpUrl(url))
		throw invalid(node, 'Callback URL', `"${url}" is not an http(s) URL`, itemIndex);
	return url;
}
