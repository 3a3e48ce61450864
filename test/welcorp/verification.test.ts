import type { INodeParameters } from 'n8n-workflow';

import { WelcorpFixture } from './fixture';

let fx: WelcorpFixture;
beforeAll(async () => {
	fx = await WelcorpFixture.start();
});
afterAll(async () => await fx.close());
beforeEach(async () => await fx.reset());

const send = (extra: INodeParameters = {}) => ({
	resource: 'verification',
	operation: 'sendCode',
	clientRef: 'user-123',
	messageType: 'sms',
	destination: '61987654321',
	messageTemplate: 'Your ACME code is [[code]]',
	...extra,
});
const validate = (enteredCode: string, extra: INodeParameters = {}) => ({
	resource: 'verification',
	operation: 'validateCode',
	clientRef: 'user-123',
	enteredCode,
	...extra,
});

async function sentCodes(): Promise<Array<{ code: string; message: string }>> {
	return await fx.emulator.control('GET', 'welcorp/codes?client_ref=user-123');
}

describe('Verification', () => {
	it('sends a code with the template and validates it', async () => {
		const sent = await fx.run(send());
		expect(sent.items[0].json).toEqual({
			sent: true,
			clientRef: 'user-123',
			messageType: 'sms',
			destination: '61987654321',
			status: 200,
			data: 'message sent',
		});
		const [post] = await fx.requests({ method: 'POST', path: '/client_verification/sendCode' });
		expect(post.body).toEqual({
			client_ref: 'user-123',
			message_type: 'sms',
			message_destination: '61987654321',
			message_template: 'Your ACME code is [[code]]',
		});
		const [{ code, message }] = await sentCodes();
		expect(message).toBe(`Your ACME code is ${code}`);

		const ok = await fx.run(validate(code));
		expect(ok.items[0].json).toEqual({
			valid: true,
			clientRef: 'user-123',
			response: { status: 200, data: 'valid' },
		});
		const [check] = await fx.requests({
			method: 'POST',
			path: '/client_verification/validateCode',
		});
		expect(check.body).toEqual({
			client_ref: 'user-123',
			entered_code: code,
			validation_window: 10,
		});
		const wrong = await fx.run(validate(code === '000000' ? '111111' : '000000'));
		expect(wrong.items[0].json).toEqual({
			valid: false,
			clientRef: 'user-123',
			response: { status: 200, data: 'invalid' },
		});
	});

	it('uses the company name in the default template, by email', async () => {
		await fx.run(
			send({
				messageType: 'email',
				destination: 'jane@example.com',
				messageTemplate: '',
				companyName: 'TEST COMPANY',
			}),
		);
		const [{ code, message }] = await sentCodes();
		expect(message).toBe(`Your TEST COMPANY verification code is ${code}`);
	});

	it('accepts a code only within the validation window', async () => {
		await fx.run(send());
		const [{ code }] = await sentCodes();
		await fx.emulator.advanceClock(11 * 60_000);
		expect((await fx.run(validate(code))).items[0].json.valid).toBe(false);
		expect((await fx.run(validate(code, { validationWindow: 120 }))).items[0].json.valid).toBe(
			true,
		);
	});

	it('refuses bad input before any request', async () => {
		const cases: Array<[INodeParameters, string]> = [
			[
				send({ messageTemplate: 'Your code is ready' }),
				'Invalid "Message Template": it must contain [[code]] where the code goes',
			],
			[
				send({ messageTemplate: '', companyName: '' }),
				'Invalid "Company Name": give a company name, or a Message Template containing [[code]]',
			],
			[
				send({ destination: '0412' }),
				'Invalid "Destination": "0412" is not an international phone number',
			],
			[
				send({ messageType: 'email', destination: '61987654321' }),
				'Invalid "Destination": "61987654321" is not an email address',
			],
			[
				validate('123456', { validationWindow: 0 }),
				'Invalid "Validation Window (Minutes)": 0 must be a whole number from 1 to 120',
			],
			[
				validate('123456', { validationWindow: 121 }),
				'Invalid "Validation Window (Minutes)": 121 must be a whole number from 1 to 120',
			],
			[validate('={{ "" }}'), 'Invalid "Entered Code": it is required'],
		];
		for (const [parameters, message] of cases)
			expect((await fx.run(parameters)).error?.message).toBe(message);
		expect(await fx.requests()).toEqual([]);
	});

	it('never retries Send Code, but retries Validate Code (it changes nothing)', async () => {
		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'POST',
			path: '/client_verification/sendCode',
			kind: 'status',
			status: 503,
		});
		const failed = await fx.run(send());
		expect(failed.error?.message).toContain(
			'Welcorp could not serve "Verification: Send Code" (HTTP 503)',
		);
		expect(await sentCodes()).toEqual([]);
		expect(await fx.requests({ path: '/client_verification/sendCode' })).toHaveLength(1);

		await fx.emulator.fault({
			vendor: 'welcorp',
			method: 'POST',
			path: '/client_verification/validateCode',
			kind: 'status',
			status: 503,
		});
		const checked = await fx.run(validate('123456'));
		expect(checked.items[0].json.valid).toBe(false);
		expect(await fx.requests({ path: '/client_verification/validateCode' })).toHaveLength(2);
	});
});
