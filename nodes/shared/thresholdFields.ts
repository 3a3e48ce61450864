import type { INodeProperties } from 'n8n-workflow';

import { CSAT_BELOW_THRESHOLD } from './threshold';

/** The "CSAT Below Threshold" event of the survey triggers and its fields. */
const show = { event: [CSAT_BELOW_THRESHOLD] };
export const csatThresholdEventOption = {
	name: 'CSAT Below Threshold',
	value: CSAT_BELOW_THRESHOLD,
	description: "A queue's or an agent's CSAT over a rolling window fell below a threshold",
};

/** A field of the event, shown only for it (and for `only`, when given). */
function field(
	displayName: string,
	name: string,
	rest: Pick<INodeProperties, 'type' | 'default'> & Partial<INodeProperties>,
	only: Record<string, string[]> = {},
): INodeProperties {
	return { displayName, name, ...rest, displayOptions: { show: { ...show, ...only } } };
}
const numberField = (label: string, name: string, value: number, range: number[], text: string) =>
	field(label, name, {
		type: 'number',
		typeOptions: { minValue: range[0], maxValue: range[1] },
		default: value,
		description: text,
	});
/** An options field (choices by name) whose first choice is the default. */
function choiceField(label: string, name: string, choices: Record<string, string>, text: string) {
	const options = Object.entries(choices).map(([option, value]) => ({ name: option, value }));
	return field(label, name, {
		type: 'options',
		options,
		default: options[0].value,
		description: text,
	});
}

export function thresholdFields(scaleNote: string): INodeProperties[] {
	return [
		choiceField(
			'Per',
			'thresholdGroup',
			{ Queue: 'queue', Agent: 'agent' },
			'Each queue (or agent) has its own window and fires on its own',
		),
		choiceField(
			'Window',
			'windowType',
			{ 'Last Minutes': 'minutes', 'Last Responses': 'responses' },
			"The group's responses of the last minutes (up to its newest), or its last ones",
		),
		numberField('Window Size', 'windowSize', 60, [1], 'How many minutes, or responses'),
		numberField('Threshold (%)', 'threshold', 80, [0, 100], 'Fires when CSAT % falls below this'),
		numberField(
			'Recovery Margin (Points)',
			'recoveryMargin',
			5,
			[0, 100],
			'After firing, a group fires again only once its CSAT is back to threshold + this margin',
		),
		numberField('Minimum Responses', 'minResponses', 5, [1], 'Fewer neither fire nor recover'),
		field('Satisfied Means', 'satisfiedMeans', {
			type: 'options',
			options: [
				{
					name: 'Top Two Points of the Scale',
					value: 'topTwo',
					description: `${scaleNote} On scales shorter than 5 points: the top point alone`,
				},
				{ name: 'A Score Above a Value', value: 'above', description: 'Share of scores > value' },
			],
			default: 'topTwo',
		}),
		field(
			'Value',
			'satisfiedAbove',
			{ type: 'number', default: 3, description: 'On scales whose best answer is 1: below it' },
			{ satisfiedMeans: ['above'] },
		),
		field('Question', 'question', {
			type: 'string',
			default: '',
			description:
				"ID, name or score field (as in New Survey's output) of the question that counts. Empty: every rated answer.",
		}),
	];
}
