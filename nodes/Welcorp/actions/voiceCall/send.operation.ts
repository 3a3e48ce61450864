import { channelSendOperation } from '../../jobCreate';

/** A call that reads a text out (text to speech) or plays a recording (Welcorp's Voice job). */
const operation = channelSendOperation(
	'voiceCall',
	['tts', 'voice'],
	'target',
	'Voice Call: Send Voice Message',
	'Message Type',
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
export const executeBatch = operation.executeBatch;
