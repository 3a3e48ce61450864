// The seed data surveys are generated from: companies with their questions, queues, agents.
import { WESAL_PORTAL_SURVEY_TOTAL } from './constants';

interface AnswerOption {
	id: number;
	title: string;
	value: string;
}
export interface Question {
	id: number;
	name: string;
	answers: AnswerOption[];
	/** Share of surveys that answer it. */
	rate: number;
}

const rating = (firstId: number): AnswerOption[] => [
	{ id: firstId, title: 'high', value: '1' },
	{ id: firstId + 1, title: 'middle', value: '2' },
	{ id: firstId + 2, title: 'low', value: '3' },
];
const yesNo = (firstId: number): AnswerOption[] => [
	{ id: firstId, title: 'yes', value: '1' },
	{ id: firstId + 1, title: 'no', value: '2' },
];

export const WESAL_PORTAL_COMPANIES = [
	{
		id: 100301,
		name: 'Hadef IT',
		surveyCount: WESAL_PORTAL_SURVEY_TOTAL,
		questions: [
			{ id: 853, name: 'Service Satisfaction', answers: rating(1), rate: 0.96 },
			{ id: 854, name: 'Agent Satisfaction', answers: rating(4), rate: 0.92 },
			{
				id: 855,
				name: 'Would you recommend our service to your friends',
				answers: yesNo(23),
				rate: 0.7,
			},
		],
	},
	{
		id: 100302,
		name: 'Hadef Retail',
		surveyCount: 1_250,
		questions: [
			{ id: 861, name: 'How satisfied are you with callcenter', answers: rating(31), rate: 0.95 },
			{
				id: 862,
				name: 'Would you recommend our service to your friends',
				answers: yesNo(34),
				rate: 0.8,
			},
		],
	},
	{
		id: 100303,
		name: 'Hadef Logistics',
		surveyCount: 0,
		questions: [{ id: 871, name: 'Overall Satisfaction', answers: rating(41), rate: 1 }],
	},
] as const satisfies ReadonlyArray<{
	id: number;
	name: string;
	surveyCount: number;
	questions: readonly Question[];
}>;

export const WESAL_PORTAL_QUEUES = [
	{ id: '01756d3a-5c1e-4b7a-9f3e-7c12cf9a0d11', name: 'Sales' },
	{ id: '02795d4b-6d2f-4c8b-8e4f-2f13cf5a0d22', name: 'Support' },
	{ id: '03a14e5c-7e3a-4d9c-9f5a-3a24df6b1e33', name: 'Billing' },
	{ id: '04b25f6d-8f4b-4eac-8a6b-4b35ea7c2f44', name: 'Retention' },
	{ id: '05c3606e-905c-4fbd-9b7c-5c46fb8d3a55', name: 'VIP' },
	{ id: '06d4717f-a16d-40ce-8c8d-6d570c9e4b66', name: 'Collections' },
] as const;

export const AGENTS = [
	{ id: 'a1f0c3d2-0001-4e5f-9a10-111111111111', name: 'Ahmed Mohammed' },
	{ id: 'a1f0c3d2-0002-4e5f-9a10-222222222222', name: 'Nourah Alqahtani' },
	{ id: 'a1f0c3d2-0003-4e5f-9a10-333333333333', name: 'Sara Alharbi' },
	{ id: 'a1f0c3d2-0004-4e5f-9a10-444444444444', name: 'Faisal Alotaibi' },
	{ id: 'a1f0c3d2-0005-4e5f-9a10-555555555555', name: 'Reem Alshehri' },
	{ id: 'a1f0c3d2-0006-4e5f-9a10-666666666666', name: 'Khalid Alzahrani' },
] as const;

export const QUEUE_WEIGHTS = WESAL_PORTAL_QUEUES.map(
	(queue, i) => [queue, [30, 35, 12, 10, 5, 8][i]] as const,
);
export const MEDIA: ReadonlyArray<readonly [string, number]> = [
	['Voice', 75],
	['Chat', 15],
	['Email', 10],
];
export const ACTIVITY_QUALIFIERS = [
	'IDLE',
	'INTERACTING',
	'COMMUNICATING',
	'NOT_RESPONDING',
	'OFF_QUEUE',
] as const;
