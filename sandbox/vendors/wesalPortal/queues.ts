// Queue figures: live summary and activity (analytics/runtime/queues/*) and performance.
import { parseIsoDate } from '../../core/dates';
import { deriveSeed, Rng } from '../../core/prng';
import type { EmuRequest, EmuResponse } from '../../core/types';
import { WESAL_PORTAL_BLOCK_MS, WESAL_PORTAL_MAX_INTERVAL_DAYS } from './constants';
import { iso } from './generator';
import { metricsOf } from './metrics';
import { invalid, missing, ok, parseBody } from './protocol';
import { performanceSchema, queuesSchema } from './schemas';
import { ACTIVITY_QUALIFIERS, WESAL_PORTAL_QUEUES } from './seed';

export class PortalQueues {
	constructor(private readonly seed: number) {}

	private queueSeed(id: string): number {
		return deriveSeed(this.seed, `wesal-portal:queue:${id}`);
	}

	private knownQueue(id: string) {
		return WESAL_PORTAL_QUEUES.find((queue) => queue.id === id);
	}

	/** Live figures of a queue; fixed per queue so that a test can compare two reads. */
	private activityCounts(id: string): Array<{ qualifier: string; count: number }> {
		const rng = new Rng(this.queueSeed(id));
		return ACTIVITY_QUALIFIERS.map((qualifier) => ({ qualifier, count: rng.int(0, 9) }));
	}

	summary(req: EmuRequest): EmuResponse {
		const { queues } = parseBody(queuesSchema, req.body);
		if (queues.length === 0) throw missing('queues must list at least one queue id');
		const result = queues.map((id) => {
			const queue = this.knownQueue(id);
			if (!queue) return { success: false, id, message: 'Queue not found' };
			const counts = this.activityCounts(id);
			const joined = counts
				.filter((entry) => entry.qualifier !== 'OFF_QUEUE')
				.reduce((sum, entry) => sum + entry.count, 0);
			const rng = new Rng(this.queueSeed(`${id}:summary`));
			return {
				success: true,
				id,
				name: queue.name,
				memberCount:
					joined + counts.find((entry) => entry.qualifier === 'OFF_QUEUE')!.count + rng.int(0, 6),
				joinedMemberCount: joined,
				onQueueMemberCount:
					joined - counts.find((entry) => entry.qualifier === 'NOT_RESPONDING')!.count,
				waitingInteractions: rng.int(0, 12),
				longestWaitMs: rng.int(0, 240_000),
				divisionName: 'Home',
			};
		});
		return ok({ success: true, result });
	}

	activity(req: EmuRequest): EmuResponse {
		const { queues } = parseBody(queuesSchema, req.body);
		if (queues.length === 0) throw missing('queues must list at least one queue id');
		const result = queues.map((id) =>
			this.knownQueue(id)
				? { queueId: id, data: this.activityCounts(id) }
				: { queueId: id, success: false, message: 'Queue not found', data: [] },
		);
		return ok({ success: true, result });
	}

	performance(req: EmuRequest): EmuResponse {
		const body = parseBody(performanceSchema, req.body);
		if (body.queues.length === 0) throw missing('queues must list at least one queue id');
		const parts = body.interval.split('/');
		const start = parts.length === 2 ? parseIsoDate(parts[0]) : undefined;
		const end = parts.length === 2 ? parseIsoDate(parts[1]) : undefined;
		if (start === undefined || end === undefined)
			throw invalid('interval must be "start/end" with two ISO 8601 date-times');
		if (end <= start) throw invalid('interval: end must be after start');
		if (end - start > WESAL_PORTAL_MAX_INTERVAL_DAYS * 86_400_000) {
			throw invalid(`interval must not be longer than ${WESAL_PORTAL_MAX_INTERVAL_DAYS} days`);
		}
		// partial: blocks of 30 minutes from the interval's start; the last one ends with the interval.
		const blocks: Array<[number, number]> = [];
		if (body.partial) {
			for (let from = start; from < end; from += WESAL_PORTAL_BLOCK_MS)
				blocks.push([from, Math.min(end, from + WESAL_PORTAL_BLOCK_MS)]);
		} else {
			blocks.push([start, end]);
		}
		const result = body.queues.map((id) => {
			if (!this.knownQueue(id))
				return { queryId: id, success: false, message: 'Queue not found', data: [] };
			const seed = this.queueSeed(`${id}:performance`);
			return {
				queryId: id,
				data: blocks.map(([from, to]) => ({
					interval: `${iso(from)}/${iso(to)}`,
					metrics: metricsOf(seed, from, to),
				})),
			};
		});
		return ok({ success: true, result });
	}
}
