import type { INodeProperties } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../shared';
import { callbackFields } from './callbackTarget';
import { additionalJobFields } from './jobAdditionalFields';
import { contentFields } from './jobContentFields';
import { formShow, hasTypeChoice, type JobForm } from './jobForm';
import { recipientFields } from './jobRecipientFields';
import { jobTypeOptions } from './jobTypes';

/** The job type choice of a form that sends more than one type. */
export function jobTypeField(form: JobForm): INodeProperties[] {
	if (!hasTypeChoice(form)) return [];
	const first = form.types[0];
	return [
		{
			displayName: form.typeLabel ?? 'Job Type',
			name: 'jobType',
			type: 'options',
			noDataExpression: true,
			options: jobTypeOptions('create', form.types),
			default: first,
			displayOptions: { show: formShow(form) },
		},
	];
}

/** Everything an operation that sends jobs asks: type, recipients, content, callbacks, options. */
export function createJobFields(form: JobForm): INodeProperties[] {
	return [
		...jobTypeField(form),
		...recipientFields(form),
		...contentFields(form),
		...callbackFields(form),
		additionalJobFields(form),
		timeoutOnlyOptions(form.show),
	];
}
