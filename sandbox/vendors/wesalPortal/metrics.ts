// Queue performance figures (analytics/queues/performance), derived per queue and minute.
import { mulberry32 } from '../../core/prng';

interface Metrics {
	Offer: number;
	Answer: number;
	Abandon: number;
	MetSLA: number;
	OverSLA: number;
	ASA: number;
	AHT: number;
	TalkTime: number;
	WaitTime: number;
}

const SLA_MS = 20_000;

/** Traffic of one queue in one minute, the same whatever interval asks for it. */
function addMinute(totals: Metrics, queueSeed: number, minute: number): void {
	const rnd = mulberry32((queueSeed ^ Math.imul(minute, 0x9e3779b1)) >>> 0);
	const hour = Math.floor(minute / 60) % 24;
	const busy = hour >= 5 && hour < 19 ? 3 : 1;
	const offers = Math.floor(rnd() * (busy + 1));
	for (let i = 0; i < offers; i++) {
		totals.Offer++;
		const waitMs = 1_000 + Math.floor(rnd() * 90_000);
		if (rnd() < 0.1) {
			totals.Abandon++;
			continue;
		}
		totals.Answer++;
		totals.WaitTime += waitMs;
		totals.TalkTime += 45_000 + Math.floor(rnd() * 540_000);
		if (waitMs <= SLA_MS) totals.MetSLA++;
		else totals.OverSLA++;
	}
}

export function metricsOf(queueSeed: number, start: number, end: number): Record<string, number> {
	const totals: Metrics = {
		Offer: 0,
		Answer: 0,
		Abandon: 0,
		MetSLA: 0,
		OverSLA: 0,
		ASA: 0,
		AHT: 0,
		TalkTime: 0,
		WaitTime: 0,
	};
	for (let minute = Math.ceil(start / 60_000); minute * 60_000 < end; minute++)
		addMinute(totals, queueSeed, minute);
	const { WaitTime, TalkTime, ...counts } = totals;
	return {
		ASA: totals.Answer ? Math.round(WaitTime / totals.Answer) : 0,
		Answer: counts.Answer,
		MetSLA: counts.MetSLA,
		OverSLA: counts.OverSLA,
		Offer: counts.Offer,
		Abandon: counts.Abandon,
		AHT: totals.Answer ? Math.round(TalkTime / totals.Answer) : 0,
		TalkTime,
	};
}
