import { jobSendOperation } from '../../jobCreate';
import { createJobFields } from '../../jobFields';
import type { JobForm } from '../../jobForm';

const form: JobForm = {
	show: { resource: ['email'], operation: ['send'] },
	types: ['email'],
	callbacks: 'none',
};

export const { description, execute, executeBatch } = jobSendOperation(
	form,
	'Email: Send',
	createJobFields(form),
);
