import type { INodeProperties } from 'n8n-workflow';

import { timeoutOnlyOptions } from '../../../shared';
import { callbackFields } from '../../callbackTarget';
import { additionalJobFields } from '../../jobAdditionalFields';
import { contentFields } from '../../jobContentFields';
import { jobSendOperation } from '../../jobCreate';
import { jobTypeField } from '../../jobFields';
import type { JobForm } from '../../jobForm';
import { recipientFields } from '../../jobRecipientFields';
import { ALL_JOB_TYPES } from '../../jobTypes';

const form: JobForm = {
	show: { resource: ['job'], operation: ['create'] },
	types: ALL_JOB_TYPES,
	callbacks: 'target',
};
/** Version 1 kept the callback URL in Additional Fields; 1.1 asks where reports go. */
const current: JobForm = { ...form, versions: [{ _cnd: { gte: 1.1 } }] };
const first: JobForm = { ...form, callbacks: 'legacy', versions: [1] };

const fields: INodeProperties[] = [
	...jobTypeField(form),
	...recipientFields(form),
	...contentFields(form),
	...callbackFields(current),
	additionalJobFields(first),
	additionalJobFields(current),
	timeoutOnlyOptions(form.show),
];

const operation = jobSendOperation(form, 'Job: Create', fields);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
export const executeBatch = operation.executeBatch;
