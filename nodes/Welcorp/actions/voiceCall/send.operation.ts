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

export const { description, execute, executeBatch } = jobSendOperation(
	form,
	'Voice Call: Send Voice Message',
	createJobFields(form),
);
