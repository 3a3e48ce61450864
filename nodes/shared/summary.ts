import { DateTime } from 'luxon';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallScope } from './call';
import type { FeedbackRecord } from './feedback';
import { scoreField } from './feedback';
import { listParameter } from './params';

/**
 * Get Summary: survey figures per group, computed while the pages are read. The aggregator holds
 * one entry per group and question, never the surveys, so memory does not grow with their number.
 */
export type SummaryGroup = 'agent' | 'queue' | 'channel' | 'day' | 'week';
export const SUMMARY_GROUPS: SummaryGroup[] = ['agent', 'queue', 'channel', 'day', 'week'];

/** What every Get Summary is asked besides its query: the groups, the workflow's time zone, the item. */
export interface SummaryScope {
	groupBy: SummaryGroup[];
	/** For Day and Week. */
	timezone: string;
	scope?: CallScope;
}

/** A question's answer scale; `higherIsBetter` false where the vendor numbers its best answer 1. */
export interface Scale {
	min: number;
	max: number;
	higherIsBetter: boolean;
}

/**
 * Top two points on scales of 5 points or more, the best point alone on shorter ones (yes/no);
 * with `above`, a score better than it. Undefined when it cannot be told (no scale known).
 */
export function isSatisfied(value: number, scale?: Scale, above?: number): boolean | undefined {
	const higherIsBetter = scale?.higherIsBetter !== false;
	if (above !== undefined) return higherIsBetter ? value > above : value < above;
	if (!scale) return undefined;
	const top = scale.max - scale.min + 1 >= 5 ? 1 : 0;
	return higherIsBetter ? value >= scale.max - top : value <= scale.min + top;
}

const isNpsScale = (scale: Scale | undefined) =>
	scale !== undefined && scale.min === 0 && scale.max === 10 && scale.higherIsBetter;

const GROUP_OPTIONS: Array<{ name: string; value: SummaryGroup; description?: string }> = [
	{ name: 'Agent', value: 'agent' },
	{ name: 'Channel', value: 'channel' },
	{ name: 'Day', value: 'day', description: "The calendar day in the workflow's time zone" },
	{ name: 'Queue', value: 'queue' },
	{ name: 'Week', value: 'week', description: 'The Monday that starts the ISO week' },
];

/** Group By; `groups`: the ones the vendor's data has (all by default). */
export function groupByField(
	show: IDisplayOptions['show'],
	groups: SummaryGroup[] = SUMMARY_GROUPS,
): INodeProperties {
	return {
		displayName: 'Group By',
		name: 'groupBy',
		type: 'multiOptions',
		options: GROUP_OPTIONS.filter((option) => groups.includes(option.value)).map((option) => ({
			...option,
		})),
		default: [],
		description:
			'One item per combination of these; none gives one item for the whole range. Each item has the responses, then per question: responses, average, CSAT % (share of answers in the top two points of the scale; the top point alone on scales shorter than 5 points), NPS (0–10 questions), the worst answer given and its count.',
		displayOptions: { show },
	};
}

export function readGroupBy(
	context: IExecuteFunctions,
	itemIndex: number,
	groups: SummaryGroup[] = SUMMARY_GROUPS,
): SummaryGroup[] {
	const offered = SUMMARY_GROUPS.filter((group) => groups.includes(group));
	const chosen = listParameter(context.getNodeParameter('groupBy', itemIndex, []));
	const unknown = chosen.find((value) => !offered.includes(value as SummaryGroup));
	if (unknown !== undefined) {
		throw new NodeOperationError(context.getNode(), `Invalid "Group By": "${unknown}"`, {
			itemIndex,
			description: `Choose from ${offered.join(', ')}. Nothing was sent.`,
		});
	}
	return offered.filter((group) => chosen.includes(group));
}

interface QuestionFigures {
	responses: number;
	sum: number;
	satisfied: number;
	promoters: number;
	detractors: number;
	worst: number | null;
	worstCount: number;
}

interface GroupFigures {
	keys: Record<string, string | null>;
	responses: number;
	questions: Map<string, QuestionFigures>;
}

export interface SummaryOptions {
	groupBy: SummaryGroup[];
	/** The questions every row lists, answered or not (the vendor's schema), in this order. */
	questions?: Array<{ id: string; name: string }>;
	scaleOf(questionId: string): Scale | undefined;
	/** The time zone of Day and Week. */
	timezone: string;
	/** Extra fields on every row (e.g. the range read). */
	fields?: IDataObject;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const percent = (part: number, whole: number) => (whole ? round2((part / whole) * 100) : null);

export class FeedbackSummary {
	private readonly groups = new Map<string, GroupFigures>();
	private readonly names = new Map<string, string>();

	constructor(private readonly options: SummaryOptions) {
		for (const question of options.questions ?? []) this.names.set(question.id, question.name);
	}

	private keysOf(record: FeedbackRecord): Record<string, string | null> {
		const time = record.date
			? DateTime.fromISO(record.date, { zone: this.options.timezone })
			: null;
		const keys: Record<string, string | null> = {};
		for (const group of this.options.groupBy) {
			if (group === 'agent') keys.agent = record.agent ?? record.agentId;
			else if (group === 'queue') keys.queue = record.queue ?? record.queueId;
			else if (group === 'channel') keys.channel = record.channel;
			else if (group === 'day') keys.day = time?.isValid ? time.toISODate() : null;
			else keys.week = time?.isValid ? time.startOf('week').toISODate() : null;
		}
		return keys;
	}

	add(record: FeedbackRecord): void {
		const keys = this.keysOf(record);
		const id = JSON.stringify(Object.values(keys));
		let group = this.groups.get(id);
		if (!group) {
			group = { keys, responses: 0, questions: new Map() };
			this.groups.set(id, group);
		}
		group.responses++;
		for (const entry of record.scores) {
			if (entry.value === null) continue;
			if (!this.names.has(entry.questionId)) this.names.set(entry.questionId, entry.question);
			let figures = group.questions.get(entry.questionId);
			if (!figures) {
				figures = {
					responses: 0,
					sum: 0,
					satisfied: 0,
					promoters: 0,
					detractors: 0,
					worst: null,
					worstCount: 0,
				};
				group.questions.set(entry.questionId, figures);
			}
			this.count(figures, entry.value, this.options.scaleOf(entry.questionId));
		}
	}

	private count(figures: QuestionFigures, value: number, scale: Scale | undefined): void {
		figures.responses++;
		figures.sum += value;
		if (isSatisfied(value, scale)) figures.satisfied++;
		if (isNpsScale(scale) && value >= 9) figures.promoters++;
		if (isNpsScale(scale) && value <= 6) figures.detractors++;
		const worse = scale?.higherIsBetter === false ? value > figures.worst! : value < figures.worst!;
		if (figures.worst === null || worse) {
			figures.worst = value;
			figures.worstCount = 0;
		}
		if (value === figures.worst) figures.worstCount++;
	}

	/** The field prefix of each question: its score field in Get Many's simplified output. */
	private prefixes(): Array<[string, string]> {
		const taken = new Set<string>();
		return [...this.names].map(([id, name]) => {
			let prefix = scoreField(name, id);
			if (taken.has(prefix)) prefix = scoreField(`${name} ${id}`, id);
			taken.add(prefix);
			return [id, prefix];
		});
	}

	/** One flat item per group, every question on every item, groups in key order. */
	rows(): IDataObject[] {
		const prefixes = this.prefixes();
		const groups = [...this.groups.values()].sort((a, b) =>
			compareKeys(Object.values(a.keys), Object.values(b.keys)),
		);
		if (groups.length === 0 && this.options.groupBy.length === 0) {
			groups.push({ keys: {}, responses: 0, questions: new Map() });
		}
		return groups.map((group) => {
			const row: IDataObject = {
				...group.keys,
				...this.options.fields,
				responses: group.responses,
			};
			for (const [id, prefix] of prefixes) {
				const figures = group.questions.get(id);
				const scale = this.options.scaleOf(id);
				const responses = figures?.responses ?? 0;
				row[`${prefix}_responses`] = responses;
				row[`${prefix}_average`] = figures && responses ? round2(figures.sum / responses) : null;
				row[`${prefix}_csat`] = figures && scale ? percent(figures.satisfied, responses) : null;
				row[`${prefix}_nps`] =
					figures && isNpsScale(scale)
						? percent(figures.promoters - figures.detractors, responses)
						: null;
				row[`${prefix}_lowest`] = figures?.worst ?? null;
				row[`${prefix}_lowestCount`] = figures?.worstCount ?? 0;
			}
			return row;
		});
	}
}

const compareKeys = (a: Array<string | null>, b: Array<string | null>) =>
	a.map((key) => key ?? '').join('\u0000') < b.map((key) => key ?? '').join('\u0000') ? -1 : 1;
