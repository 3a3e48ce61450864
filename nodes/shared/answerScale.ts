import type { IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Scale } from './summary';

/**
 * Options → Lowest Answer / Highest Answer, for vendors that publish no answer scale: 1–5 unless
 * the user says otherwise. `lowestDescription` says, in the vendor's terms, what is assumed.
 */
export function answerScaleOptions(
	lowestDescription: string,
	highestDescription: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Lowest Answer',
			name: 'scaleMin',
			type: 'number',
			default: 1,
			description: lowestDescription,
		},
		{
			displayName: 'Highest Answer',
			name: 'scaleMax',
			type: 'number',
			default: 5,
			description: highestDescription,
		},
	];
}

/** The scale of Options → Lowest / Highest Answer (an action's item, or a trigger's poll). */
export function readAnswerScale(
	context: IExecuteFunctions | IPollFunctions,
	itemIndex?: number,
): Scale {
	const read = (name: string, fallback: number) =>
		itemIndex === undefined
			? (context as IPollFunctions).getNodeParameter(`options.${name}`, fallback)
			: (context as IExecuteFunctions).getNodeParameter(`options.${name}`, itemIndex, fallback);
	const [min, max] = [read('scaleMin', 1), read('scaleMax', 5)];
	if (typeof min !== 'number' || typeof max !== 'number' || !(min < max)) {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "Lowest Answer" / "Highest Answer": the lowest must be a number below the highest',
			{ itemIndex, description: `Got ${JSON.stringify([min, max])}. Nothing was sent.` },
		);
	}
	return { min, max, higherIsBetter: true };
}
