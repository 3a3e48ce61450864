import type { IDataObject } from 'n8n-workflow';

import { THRESHOLD_EVENT, WesalPortalFixture, type WesalPortalSurvey } from './fixture';

let fx: WesalPortalFixture;

beforeAll(async () => (fx = await WesalPortalFixture.start()));
beforeEach(async () => await fx.reset());
afterAll(async () => await fx.close());

const PARAMETERS = { ...THRESHOLD_EVENT, question: '853' };

/** Service Satisfaction (853): 1 = high, 2 = middle, 3 = low: only "high" is satisfied. */
const satisfied = (survey: WesalPortalSurvey) => {
	const answer = survey.answers.find((entry) => String(entry.questionId) === '853');
	return answer === undefined ? undefined : String(answer.answerValue) === '1';
};

describe('Wesal Portal Trigger: CSAT Below Threshold', () => {
	it('fires exactly at the crossings the surveys make, once each, reading the scale from the questions list', async () => {
		const trigger = fx.poller(PARAMETERS);
		await trigger.activate();
		const window: boolean[] = [];
		let alerting = false;
		let expectedFires = 0;
		let fires = 0;
		for (let index = 0; index < 40; index++) {
			const at = new Date(Date.now() - (40 - index) * 1000).toISOString();
			const [survey] = await fx.addSurveys({
				surveys: [{ queueName: 'Probe Queue', createdAt: at }],
			});
			// The test's own reading of the event, from the survey the emulator made.
			const answer = satisfied(survey);
			let crossed = false;
			if (answer !== undefined) {
				window.push(answer);
				if (window.length > 5) window.shift();
				const csat = (window.filter(Boolean).length / window.length) * 100;
				if (window.length >= 5 && !alerting && csat < 60) [alerting, crossed] = [true, true];
				else if (window.length >= 5 && alerting && csat >= 80) alerting = false;
			}
			const polled = await trigger.poll();
			const groups = polled.items.map((item: { json: IDataObject }) => item.json.group);
			expect(groups).toEqual(crossed ? ['Probe Queue'] : []);
			if (crossed) expectedFires++;
			fires += groups.length;
		}
		expect(fires).toBe(expectedFires);
		expect(expectedFires).toBeGreaterThan(0);
	});
});
