import { jobSendOperation } from '../../jobCreate';
import { createJobFields } from '../../jobFields';
import type { JobForm } from '../../jobForm';

const form: JobForm = {
	show: { resource: ['sms'], operation: ['send'] },
	types: ['sms'],
	callbacks: 'target',
};

export const { description, execute, executeBatch } = jobSendOperation(
	form,
	'SMS: Send',
	createJobFields(form),
);
