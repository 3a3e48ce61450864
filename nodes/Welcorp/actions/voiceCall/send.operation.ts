import { jobSendOperation } from '../../jobCreate';
import { createJobFields } from '../../jobFields';
import type { JobForm } from '../../jobForm';

/** A call that reads a text out (text to speech) or plays a recording (Welcorp's Voice job). */
const form: JobForm = {
	show: { resource: ['voiceCall'], operation: ['send'] },
	types: ['tts', 'voice'],
	typeLabel: 'Message Type',
	callbacks: 'target',
};

const operation = jobSendOperation(form, 'Voice Call: Send Voice Message', createJobFields(form));

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
export const executeBatch = operation.executeBatch;
