import { jobSendOperation } from '../../jobCreate';
import { createJobFields } from '../../jobFields';
import type { JobForm } from '../../jobForm';

const form: JobForm = {
	show: { resource: ['email'], operation: ['send'] },
	types: ['email'],
	callbacks: 'none',
};

const operation = jobSendOperation(form, 'Email: Send', createJobFields(form));

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
export const executeBatch = operation.executeBatch;
