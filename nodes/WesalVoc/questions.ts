import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { RequestContext } from '../shared';
import { searchSurveys, type Question } from './surveys';

const questionsSchema = z.array(
	z
		.object({
			id: z.coerce.string(),
			name: z.coerce.string().optional(),
			type: z.string().optional(),
			minAnswer: z.coerce.number().optional(),
			maxAnswer: z.coerce.number().optional(),
		})
		.passthrough(),
);

function parseQuestions(raw: unknown): Question[] | undefined {
	if (typeof raw !== 'string' || raw === '') return undefined;
	try {
		const parsed = questionsSchema.safeParse(JSON.parse(raw));
		return parsed.success
			? parsed.data.map((question) => ({ ...question, name: question.name ?? question.id }))
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * The account's question schema arrives with the login answer and is kept in the credential.
 * When no login happened yet, one empty search triggers it.
 */
export async function loadQuestions(
	context: RequestContext,
	operation: string,
): Promise<Question[]> {
	const known = parseQuestions((await context.getCredentials('wesalVocApi')).questionsSchema);
	if (known) return known;
	const epoch = new Date(0);
	await searchSurveys.call(
		context,
		operation,
		{ start: epoch, end: epoch },
		{ agents: [], queues: [], interactionTypes: [], answers: {} },
		{ returnAll: false, limit: 1 },
	);
	const loaded = parseQuestions((await context.getCredentials('wesalVocApi')).questionsSchema);
	if (!loaded) {
		throw new NodeOperationError(
			context.getNode(),
			'Wesal VoC did not send the question schema with the login answer',
		);
	}
	return loaded;
}
