import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { control, startWait, waitSuite } from './waitHelpers';

/** examples/welcorp-confirm-appointment-by-sms.json, its Welcorp nodes in the engine (the E2E suite runs it in n8n). */
const example = JSON.parse(
	fs.readFileSync(
		path.join(__dirname, '../../examples/welcorp-confirm-appointment-by-sms.json'),
		'utf8',
	),
);
const nodeOf = (name: string) => example.nodes.find((node: { name: string }) => node.name === name);
const parametersOf = (name: string) => nodeOf(name).parameters as INodeParameters;

const suite = waitSuite();

const appointment = [
	{ json: { phone: '61411111111', name: 'Ann', when: 'Monday 9 June at 10:00' } },
];

it('is made without code: no Code node, no arrow function or array method in an expression', () => {
	expect(example.nodes.map((node: { type: string }) => node.type)).not.toContain(
		'n8n-nodes-base.code',
	);
	const expressions = JSON.stringify(example.nodes)
		.match(/"=[^"]*"/g)!
		.join('\n');
	expect(expressions).not.toMatch(/=>|\.map\(|\.filter\(|\.reduce\(|\.find\(/);
});

it('asks with a two-way SMS and waits at most 24 hours; a YES is approved', async () => {
	const { run, post, jobId, reference } = await startWait(
		suite.fx,
		suite.server,
		parametersOf('Ask for confirmation'),
		{ items: appointment },
	);
	expect(post).toEqual({
		job_type: '2 way sms',
		job_name: 'Appointment confirmation',
		message:
			'Hi %%recipient%%, this is Generic Clinic. Please confirm your appointment on Monday 9 June at 10:00: reply YES to confirm or NO to cancel.',
		optout_code: 'STOP',
		expires: 24,
		callback_url: expect.stringContaining(`?ref=${reference}&signature=`),
		recipients: [{ destination: '61411111111', recipient: 'Ann', reference }],
	});
	const waitTill = new Date(run.first.waitTill!).getTime();
	expect(Math.abs(waitTill - (Date.now() + 24 * 3_600_000))).toBeLessThan(60_000);
	await control(suite.fx, jobId, 'reply', { destination: '61411111111', response: 'YES' });
	expect(run.output?.[0].json).toMatchObject({ approved: true, from: '61411111111' });
});

it('a NO is declined; no reply within the limit gives replied false for "Call the customer"', async () => {
	const declined = await startWait(suite.fx, suite.server, parametersOf('Ask for confirmation'), {
		items: appointment,
	});
	await control(suite.fx, declined.jobId, 'reply', { destination: '61411111111', response: 'no' });
	expect(declined.run.output?.[0].json).toMatchObject({ approved: false, declined: true });
	const silent = await startWait(suite.fx, suite.server, parametersOf('Ask for confirmation'), {
		items: appointment,
	});
	expect((await silent.run.timeLimitPasses())?.[0].json).toMatchObject({
		replied: false,
		approved: false,
		declined: false,
		endedBy: 'waitTimeLimit',
	});
});
