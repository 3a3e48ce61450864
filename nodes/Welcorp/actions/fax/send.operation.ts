import { jobSendOperation } from '../../jobCreate';
import { createJobFields } from '../../jobFields';
import type { JobForm } from '../../jobForm';

const form: JobForm = {
	show: { resource: ['fax'], operation: ['send'] },
	types: ['fax'],
	callbacks: 'target',
};

export const { description, execute, executeBatch } = jobSendOperation(
	form,
	'Fax: Send',
	createJobFields(form),
);
