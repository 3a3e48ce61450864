// Organization, questions and surveys: the API's reads and the control API's ground truth and additions.
import { parseIsoDate } from '../../core/dates';
import { deriveSeed, Rng } from '../../core/prng';
import { EmuError, json, type EmuRequest, type EmuResponse } from '../../core/types';
import type { WesalPortalConfig } from './config';
import { WESAL_PORTAL_DEFAULT_LIMIT, WESAL_PORTAL_ORGANIZATION } from './constants';
import { bound, copySurvey, generateTimes, makeSurvey, shortForm } from './generator';
import { invalid, missing, ok, parseBody } from './protocol';
import { addSurveysSchema, dateTimeFilterSchema, surveysSchema } from './schemas';
import { WESAL_PORTAL_COMPANIES } from './seed';
import type { PortalState } from './state';
import type { CompanyData, StoredSurvey, WesalPortalSurvey } from './types';

export class PortalSurveys {
	private readonly organizationId: string;
	private readonly seedCompanies: ReadonlyArray<Omit<CompanyData, 'added'>>;
	private companies: CompanyData[] = [];
	private addRng!: Rng;
	private addedSeq = 0;

	constructor(
		private readonly state: PortalState,
		initial: WesalPortalConfig,
	) {
		const { seed, ctx } = state;
		this.organizationId = new Rng(deriveSeed(seed, 'wesal-portal:organization')).uuid();
		this.seedCompanies = WESAL_PORTAL_COMPANIES.map((company, index) => {
			const count =
				index === 0 && initial.surveyCount !== undefined
					? initial.surveyCount
					: company.surveyCount;
			const timesRng = new Rng(deriveSeed(seed, `wesal-portal:times:${company.id}`));
			return {
				id: company.id,
				name: company.name,
				questions: company.questions,
				times: generateTimes(timesRng, ctx.anchor.getTime(), count, initial.spanDays),
				seed: deriveSeed(seed, `wesal-portal:surveys:${company.id}`),
			};
		});
	}

	reset(): void {
		this.companies = this.seedCompanies.map((company) => ({ ...company, added: [] }));
		this.addRng = new Rng(deriveSeed(this.state.seed, 'wesal-portal:added'));
		this.addedSeq = 0;
	}

	organizationData() {
		return {
			organization: { ...WESAL_PORTAL_ORGANIZATION, organizationId: this.organizationId },
			companies: this.companies.map((company) => ({ id: company.id, name: company.name })),
		};
	}

	private company(id: number): CompanyData {
		const company = this.companies.find((candidate) => candidate.id === id);
		if (!company) throw invalid(`Unknown companyId ${id}`);
		return company;
	}

	questions(req: EmuRequest): EmuResponse {
		const raw = req.params.companyId;
		if (!/^\d+$/.test(raw)) throw invalid('companyId must be a number');
		const company = this.company(Number(raw));
		return ok({
			questions: company.questions.map((question) => ({
				id: question.id,
				name: question.name,
				answers: question.answers.map((answer) => ({ ...answer })),
			})),
		});
	}

	private generated(company: CompanyData, index: number): StoredSurvey {
		const ts = company.times[index];
		const rng = new Rng((company.seed ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
		return {
			ts,
			survey: makeSurvey(company, rng, ts, 1_000_000 + (company.id % 100) * 10_000_000 + index * 4),
		};
	}

	/** Surveys answered within [start, end] (ms, inclusive), oldest first, as a lazy list. */
	private matching(
		company: CompanyData,
		start: number,
		end: number,
	): { total: number; at(position: number): StoredSurvey } {
		const lo = bound(company.times, start, false);
		const hi = bound(company.times, end, true);
		const extra = company.added.filter((row) => row.ts >= start && row.ts <= end);
		if (extra.length === 0)
			return { total: hi - lo, at: (position) => this.generated(company, lo + position) };
		// Added surveys are few: merge them into the generated ones by time (generated first on a tie).
		const order: Array<number | StoredSurvey> = [];
		let next = 0;
		for (let index = lo; index < hi; index++) {
			while (next < extra.length && extra[next].ts < company.times[index])
				order.push(extra[next++]);
			order.push(index);
		}
		while (next < extra.length) order.push(extra[next++]);
		return {
			total: order.length,
			at: (position) => {
				const entry = order[position];
				return typeof entry === 'number' ? this.generated(company, entry) : entry;
			},
		};
	}

	surveys(req: EmuRequest): EmuResponse {
		const body = parseBody(surveysSchema, req.body);
		const company = this.company(body.companyId);
		const dateTime = body.filters.filter((filter) => filter.dimension === 'dateTime');
		const unknown = body.filters.find((filter) => filter.dimension !== 'dateTime');
		if (unknown) throw invalid(`Unknown filter dimension "${unknown.dimension}"`);
		if (dateTime.length === 0) throw missing('filters: a dateTime filter is required');
		if (dateTime.length > 1) throw invalid('filters: only one dateTime filter is allowed');
		const range = parseBody(dateTimeFilterSchema, dateTime[0].value);
		const start = parseIsoDate(range.startTime)!;
		const end = parseIsoDate(range.endTime)!;
		if (end < start) throw invalid('endTime must not be before startTime');

		const offset = body.offset ?? 0;
		const limit = body.limit ?? WESAL_PORTAL_DEFAULT_LIMIT;
		const found = this.matching(company, start, end);
		const surveys: WesalPortalSurvey[] = [];
		for (let position = offset; position < Math.min(found.total, offset + limit); position++) {
			const { survey } = found.at(position);
			surveys.push(body.extended ? copySurvey(survey) : shortForm(survey));
		}
		this.state.stats.surveyPages++;
		const currentPage = Math.floor(offset / limit) + 1;
		const totalPages = Math.ceil(found.total / limit);
		return ok({
			profile: {
				id: 1006549887,
				region: WESAL_PORTAL_ORGANIZATION.region,
				name: WESAL_PORTAL_ORGANIZATION.name,
				organizationId: this.organizationId,
				companyId: String(company.id),
				companyName: company.name,
			},
			surveys,
			pagination: {
				currentPage,
				totalPages,
				previousPage: currentPage > 1 ? currentPage - 1 : null,
				nextPage: currentPage < totalPages ? currentPage + 1 : null,
				totalItems: found.total,
			},
		});
	}

	/** GET /__control/wesal-portal/surveys: every survey of a company (and window), no paging. */
	groundTruth(req: EmuRequest): EmuResponse {
		const query = (name: string) =>
			typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined;
		const company = this.company(Number(query('companyId') ?? WESAL_PORTAL_COMPANIES[0].id));
		const start = query('startTime') ? parseIsoDate(query('startTime')!) : -Infinity;
		const end = query('endTime') ? parseIsoDate(query('endTime')!) : Infinity;
		if (start === undefined || end === undefined)
			throw new EmuError(400, 'startTime and endTime must be ISO 8601 date-times');
		const found = this.matching(company, start, end);
		const full = query('view') === 'full';
		const ids: string[] = [];
		const surveys: WesalPortalSurvey[] = [];
		for (let position = 0; position < found.total; position++) {
			const { survey } = found.at(position);
			if (full) surveys.push(copySurvey(survey));
			else ids.push(survey.id);
		}
		return json({ total: found.total, ...(full ? { surveys } : { ids }) });
	}

	/** POST /__control/wesal-portal/surveys: new surveys, answered now or at `createdAt`. */
	addSurveys(req: EmuRequest): EmuResponse {
		const parsed = addSurveysSchema.safeParse(req.body ?? {});
		if (!parsed.success) throw new EmuError(400, parsed.error.issues[0].message);
		const body = parsed.data;
		const company = this.company(body.companyId ?? WESAL_PORTAL_COMPANIES[0].id);
		type Partial = NonNullable<typeof body.surveys>[number];
		const partials: Partial[] = body.surveys ?? Array.from({ length: body.count ?? 1 }, () => ({}));
		const toTs = (value: string | undefined) => {
			if (value === undefined) return this.state.ctx.clock.nowMs();
			const ts = parseIsoDate(value);
			if (ts === undefined)
				throw new EmuError(400, `createdAt '${value}' is not an ISO 8601 date-time`);
			return ts;
		};
		const created = partials.map((partial) => {
			const ts = toTs(partial.createdAt ?? body.createdAt);
			const survey = makeSurvey(company, this.addRng, ts, 900_000_000 + ++this.addedSeq * 4);
			if (partial.id) {
				survey.id = partial.id;
				survey.conversation.id = partial.id;
			}
			if (partial.queueName) survey.conversation.queueName = partial.queueName;
			if (partial.agentName) survey.conversation.agentName = partial.agentName;
			return { ts, survey };
		});
		company.added = [...company.added, ...created].sort((a, b) => a.ts - b.ts);
		return json({ surveys: created.map((row) => copySurvey(row.survey)) }, 201);
	}
}
