import type { Question } from './seed';

/** A survey as the API answers it (the extended form; see shortForm for the other). */
export interface WesalPortalAnswer {
	id: number;
	questionId: number;
	questionName: string;
	answerTitle: string;
	answerValue: number;
	createdAt: string;
	answerId?: number;
}

export interface WesalPortalSurvey {
	id: string;
	conversation: {
		id: string;
		queueName: string;
		agentName: string;
		url: string;
		callerId: string;
		mediaType: string;
		createdAt: string;
		queueId?: string;
		agentId?: string;
		direction?: string;
		durationSeconds?: number;
		wrapUpCode?: string;
	};
	answers: WesalPortalAnswer[];
}

/** A survey as the emulator stores it: always extended; the short form drops the extra fields. */
export interface StoredSurvey {
	ts: number;
	survey: WesalPortalSurvey;
}

export interface CompanyData {
	id: number;
	name: string;
	questions: readonly Question[];
	times: Float64Array;
	/** Seed of the per-survey generators. */
	seed: number;
	/** Surveys added through the control API, sorted by time. */
	added: StoredSurvey[];
}
