/**
 * Ground-truth check for the WeClever example (see e2e/examples.checks.ts): expected items are
 * computed from the emulator's leads, read through its control API at run time.
 */
import { nodeItems, windowEnds, type ExampleCheck, type ExampleContext } from './examples.checks';

/* eslint-disable @typescript-eslint/no-explicit-any */
const DAY = 86_400_000;
const WECLEVER = 'weclever';

interface TruthLead {
	weclever_lead_id: number;
	finalizedAt: string;
	lead: {
		name: string;
		phone: string;
		email: string;
		csat: { rating: string | null };
		feelings: {
			total_messages: number;
			positive_feeling: number;
			neutral_feeling: number;
			negative_feeling: number;
		};
		chats: { messages: Array<{ direction: string; body: string }> };
	};
}

const negativeDominates = ({ lead: { feelings: f } }: TruthLead) =>
	f.negative_feeling > Math.max(f.positive_feeling, f.neutral_feeling);

/** What "Format follow-up" makes of a lead: the Simplified record's fields, by plain reference. */
function followUp({ weclever_lead_id, lead }: TruthLead) {
	const customerMessages = lead.chats.messages.filter((message) =>
		/^inbound/i.test(message.direction),
	);
	return {
		leadId: weclever_lead_id,
		customer: lead.name,
		phone: lead.phone,
		email: lead.email,
		csatRating: lead.csat.rating === null ? null : Number(lead.csat.rating),
		lastCustomerMessage: customerMessages.at(-1)?.body ?? null,
		followUp: `Olá ${lead.name}, vimos que o seu último atendimento não foi bom (${lead.feelings.negative_feeling} de ${lead.feelings.total_messages} mensagens negativas). Podemos ligar para você hoje?`,
	};
}

export const weCleverExampleChecks: Record<string, ExampleCheck> = {
	'weclever-negative-lead-follow-up.json': {
		// Fresh leads finalized now: one clearly negative, one positive, one tie (not negative).
		prepare: async (control: any) =>
			await control.vendor(WECLEVER).post('leads', {
				leads: [
					{
						lead: {
							feelings: {
								total_messages: 5,
								positive_feeling: 0,
								neutral_feeling: 1,
								negative_feeling: 4,
							},
						},
					},
					{
						lead: {
							feelings: {
								total_messages: 4,
								positive_feeling: 3,
								neutral_feeling: 1,
								negative_feeling: 0,
							},
						},
					},
					{
						lead: {
							feelings: {
								total_messages: 4,
								positive_feeling: 2,
								neutral_feeling: 0,
								negative_feeling: 2,
							},
						},
					},
				],
			}),
		check: async ({ run, control }: ExampleContext) => {
			const { leads } = (await control.vendor(WECLEVER).get('leads')) as { leads: TruthLead[] };
			const got = nodeItems(run, 'Format follow-up');
			const byId = (a: { leadId: number }, b: { leadId: number }) => a.leadId - b.leadId;
			const candidates = windowEnds(
				run,
				DAY,
				leads.map((lead) => Date.parse(lead.finalizedAt)),
			).map((end) =>
				leads
					.filter(
						(lead) =>
							Date.parse(lead.finalizedAt) >= end - DAY &&
							Date.parse(lead.finalizedAt) <= end &&
							negativeDominates(lead),
					)
					.map(followUp)
					.sort(byId),
			);
			const sorted = [...got].sort(byId);
			const match = candidates.find((want) => JSON.stringify(want) === JSON.stringify(sorted));
			expect(sorted).toEqual(match ?? candidates[0]);
			expect(got.length).toBeGreaterThanOrEqual(1);
			// the positive and the tied lead went to the IF node's false branch
			const passed = nodeItems(run, 'Negative feelings dominate?', 1).map((lead) => lead.leadId);
			expect(passed.length).toBeGreaterThanOrEqual(2);
			expect(passed.filter((id: number) => got.some((item) => item.leadId === id))).toEqual([]);
		},
	},
};
