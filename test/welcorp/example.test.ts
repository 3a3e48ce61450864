import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { WesalVocApi } from '../../credentials/WesalVocApi.credentials';
import { WesalVoc } from '../../nodes/WesalVoc/WesalVoc.node';
import {
	WESAL_VOC_API_TOKEN,
	WESAL_VOC_BASE_PATH,
	WESAL_VOC_CLIENT_ID,
	WESAL_VOC_COMPANY_NAME,
	WESAL_VOC_EMAIL,
} from '../../sandbox/vendors/wesalVoc';
import { CredentialStore, runNode } from '../harness';
import { WelcorpFixture } from './fixture';

/** examples/welcorp-survey-follow-up-sms.json, node by node in the engine (the E2E suite runs it in n8n). */
const example = JSON.parse(
	fs.readFileSync(path.join(__dirname, '../../examples/welcorp-survey-follow-up-sms.json'), 'utf8'),
);
const parametersOf = (name: string) =>
	example.nodes.find((node: { name: string }) => node.name === name).parameters as INodeParameters;

let fx: WelcorpFixture;
beforeAll(async () => (fx = await WelcorpFixture.start()));
afterAll(async () => await fx.close());

it('sends one SMS job to every low-score survey with the merge fields filled in', async () => {
	await fx.reset();
	const vocStore = new CredentialStore([WesalVocApi]);
	const vocId = vocStore.add({
		type: 'wesalVocApi',
		data: {
			baseUrl: fx.emulator.vendorUrl(WESAL_VOC_BASE_PATH),
			clientId: WESAL_VOC_CLIENT_ID,
			company: WESAL_VOC_COMPANY_NAME,
			email: WESAL_VOC_EMAIL,
			authMode: 'apiToken',
			apiToken: WESAL_VOC_API_TOKEN,
		},
	});
	// The example reads the last 24 hours; the emulator's data ends at the anchor.
	const surveys = await runNode({
		nodeType: WesalVoc,
		parameters: {
			...parametersOf('Surveys of the last 24 hours'),
			startDate: '2025-11-14T12:00:00Z',
			endDate: '2025-11-15T12:00:00Z',
		},
		store: vocStore,
		credentials: { wesalVocApi: vocId },
	});
	// The IF node's conditions, as written in the example: a lowest score of 2 or less, a number.
	const wanted = surveys.items.filter(
		({ json }) =>
			typeof json.lowestScore === 'number' && json.lowestScore <= 2 && Boolean(json.customerNumber),
	);
	expect(wanted.length).toBeGreaterThan(2);
	expect(wanted.length).toBeLessThan(surveys.items.length);

	const { items, error } = await fx.run(parametersOf('Send follow-up SMS'), { items: wanted });
	expect(error).toBeUndefined();
	const [post] = await fx.jobPosts();
	expect(post).toEqual({
		job_type: 'sms',
		job_name: 'Survey follow-up',
		message: parametersOf('Send follow-up SMS').message,
		recipients: wanted.map(({ json }) => ({
			// The survey's tel: link, as a number.
			destination: String(json.customerNumber).replace(/^tel:/, ''),
			reference: json.surveyId,
			agent: json.agent,
			queue: json.queue,
			question: json.lowestQuestion,
			score: String(json.lowestScore),
		})),
	});
	expect(items).toHaveLength(1);
	expect(items[0].pairedItem).toHaveLength(wanted.length);
	expect((await fx.truthJob(items[0].json.job_id as number)).total_recipients).toBe(wanted.length);
});
