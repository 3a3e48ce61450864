import { createHmac } from 'node:crypto';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { getEngine } from '../harness/engine';
import { WelcorpFixture, type CallbackRecord } from './fixture';
import { WaitingServer, type WaitingRun } from './waitRunner';

/** n8n 1.x signs a resume URL with HMAC-SHA256 of host + path + query (signature left out). */
export function expectedSignature(url: string): string {
	const unsigned = new URL(url);
	unsigned.searchParams.delete('signature');
	return createHmac('sha256', getEngine().instanceSettings.hmacSignatureSecret)
		.update(`${unsigned.host}${unsigned.pathname}${unsigned.search}`)
		.digest('hex');
}

/** A Welcorp timestamp (ISO with offset) as ISO 8601 UTC. */
export const utc = (timestamp: string) => new Date(Date.parse(timestamp)).toISOString();

export interface Started {
	run: WaitingRun;
	/** The POST /jobs body the emulator received. */
	post: IDataObject;
	jobId: number;
	callbackUrl: string;
	reference: string;
}

/** Starts Input → Welcorp (a send-and-wait operation); resolves what was sent. */
export async function startWait(
	fx: WelcorpFixture,
	server: WaitingServer,
	parameters: INodeParameters,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<Started> {
	const before = (await fx.jobPosts()).length;
	const run = await server.run({
		parameters,
		store: fx.store,
		credentials: { welcorpApi: fx.credentialId },
		...options,
	});
	const posts = await fx.jobPosts();
	if (posts.length !== before + 1)
		throw new Error(
			`expected one job to be sent, got ${posts.length - before}: ${JSON.stringify(run.first.data.resultData.error ?? null)}`,
		);
	const post = posts[posts.length - 1];
	const jobId = (await fx.truthJobs())[0].job_id;
	const recipients = post.recipients as IDataObject[];
	return {
		run,
		post,
		jobId,
		callbackUrl: String(post.callback_url),
		reference: String(recipients[0].reference),
	};
}

/** Control API of the emulator: the person replies, presses a key, or the call report comes now. */
export async function control(
	fx: WelcorpFixture,
	jobId: number,
	action: 'reply' | 'keypress' | 'report',
	body: IDataObject,
): Promise<CallbackRecord[]> {
	const answer = await fx.emulator.control<{ callbacks: CallbackRecord[] }>(
		'POST',
		`welcorp/jobs/${jobId}/${action}`,
		body,
	);
	return answer.callbacks;
}

/** The fixture and n8n's waiting-webhook server of one test file; the emulator reset before each test. */
export function waitSuite(): { fx: WelcorpFixture; server: WaitingServer } {
	const suite = {} as { fx: WelcorpFixture; server: WaitingServer };
	beforeAll(async () => {
		suite.fx = await WelcorpFixture.start();
		suite.server = await new WaitingServer().start();
	});
	afterAll(async () => {
		await suite.server.close();
		await suite.fx.close();
	});
	beforeEach(async () => await suite.fx.reset());
	return suite;
}
