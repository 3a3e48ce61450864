// Surveys generated on the fly from their index: a company's data is a sorted array of timestamps.
import type { Rng } from '../../core/prng';
import { AGENTS, MEDIA, QUEUE_WEIGHTS } from './seed';
import type { CompanyData, WesalPortalSurvey } from './types';

export const iso = (ms: number) => new Date(ms).toISOString();

/** Survey times of one company: sorted epoch ms, with a few bursts of surveys in the same millisecond. */
export function generateTimes(
	rng: Rng,
	anchorMs: number,
	count: number,
	spanDays: number,
): Float64Array {
	const times = new Float64Array(count);
	const spanMs = Math.max(1, Math.round(spanDays * 86_400_000));
	let i = 0;
	while (i < count) {
		const ts = anchorMs - 1 - Math.floor(rng.float() * spanMs);
		const size = rng.bool(0.02) ? rng.int(2, 6) : 1;
		for (let k = 0; k < size && i < count; k++) times[i++] = ts;
	}
	return times.sort();
}

/** First index whose time is >= ms (or > ms when `after`). */
export function bound(times: Float64Array, ms: number, after: boolean): number {
	let lo = 0;
	let hi = times.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (times[mid] < ms || (after && times[mid] === ms)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export function makeSurvey(
	company: CompanyData,
	rng: Rng,
	ts: number,
	answerIdBase: number,
): WesalPortalSurvey {
	const id = rng.uuid();
	const queue = rng.weighted(QUEUE_WEIGHTS);
	const agent = rng.pick(AGENTS);
	const mediaType = rng.weighted(MEDIA);
	const callerId =
		mediaType === 'Voice'
			? `tel:+9665${rng.digits(8)}`
			: mediaType === 'Chat'
				? `chat:${rng.hex(12)}`
				: `mailto:customer${rng.digits(5)}@example.test`;
	const chosen = company.questions.filter((question) => rng.bool(question.rate));
	const questions = chosen.length ? chosen : company.questions.slice(0, 1);
	const durationSeconds = rng.int(45, 900);
	// Answers are a few seconds apart; the last one is the survey's time (what the dateTime filter uses).
	const answers = questions.map((question, j) => {
		const option = rng.weighted(
			question.answers.map((answer, k) => [answer, [6, 3, 1][k] ?? 1] as const),
		);
		return {
			id: answerIdBase + j,
			questionId: question.id,
			questionName: question.name,
			answerTitle: option.title,
			answerValue: Number(option.value),
			createdAt: iso(ts - (questions.length - 1 - j) * 4_000),
			answerId: option.id,
		};
	});
	const gapMs = rng.int(20_000, 300_000);
	return {
		id,
		conversation: {
			id,
			queueName: queue.name,
			agentName: agent.name,
			url: `https://apps.mypurecloud.ie/directory/#/engage/admin/interactions/${id}`,
			callerId,
			mediaType,
			createdAt: iso(ts - gapMs - durationSeconds * 1000),
			queueId: queue.id,
			agentId: agent.id,
			direction: rng.bool(0.88) ? 'inbound' : 'outbound',
			durationSeconds,
			wrapUpCode: rng.pick(['Resolved', 'Follow-up', 'Escalated', 'Information']),
		},
		answers,
	};
}

/** The doc's short form (extended: false) leaves out the extra conversation and answer details. */
export function shortForm(survey: WesalPortalSurvey): WesalPortalSurvey {
	const {
		queueId: _q,
		agentId: _a,
		direction: _d,
		durationSeconds: _s,
		wrapUpCode: _w,
		...conversation
	} = survey.conversation;
	return {
		id: survey.id,
		conversation,
		answers: survey.answers.map(({ answerId: _id, ...answer }) => answer),
	};
}

export const copySurvey = (survey: WesalPortalSurvey): WesalPortalSurvey => ({
	...survey,
	conversation: { ...survey.conversation },
	answers: survey.answers.map((answer) => ({ ...answer })),
});
