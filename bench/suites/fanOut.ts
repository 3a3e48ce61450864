import type { INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../../test/harness';
import { ANCHOR, RemoteEmulator } from '../lib/emulator';
import {
	growth,
	num,
	peakMemory,
	ratios,
	rounds,
	show,
	showGc,
	showMs,
	showRatio,
	summarize,
	table,
	type Sample,
} from '../lib/measure';
import { DIST } from '../lib/package';
import type { BenchContext, Goal, Section } from '../lib/report';
import { credentialFor, nodeOf } from '../lib/vendors';
import { runChain } from '../lib/workflow';

const people = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({
		json: { phone: `+614${String(10_000_000 + i).slice(-8)}`, name: `Person ${i}`, id: `C-${i}` },
	}));

const sms = (batching: 'oneJob' | 'jobPerItem') => ({
	resource: 'job',
	operation: 'create',
	jobType: 'sms',
	recipientSource: 'inputItems',
	batching,
	destination: '={{ $json.phone }}',
	recipientName: '={{ $json.name }}',
	reference: '={{ $json.id }}',
	message: 'Hi %%recipient%%, how did we do today? Reply 1-5.',
});

interface SmsRun {
	outputItems: number;
	jobs: number;
	recipients: number;
	requests: number;
	heapMb: number;
}

async function welcorpSms(ctx: BenchContext, count: number, modes: Array<'oneJob' | 'jobPerItem'>) {
	const emulator = await RemoteEmulator.start();
	const input = people(count);
	const send = async (batching: 'oneJob' | 'jobPerItem') => {
		const { store, credentials } = credentialFor('welcorp', emulator);
		const { items, error } = await runNode({
			nodeType: nodeOf('welcorp'),
			store,
			credentials,
			parameters: sms(batching),
			items: input,
		});
		if (error) throw new Error(error.message);
		return items.length;
	};
	try {
		const checked: Partial<Record<'oneJob' | 'jobPerItem', SmsRun>> = {};
		for (const mode of modes) {
			await emulator.reset();
			const { value, heapMb } = await peakMemory(() => send(mode));
			const stats = await emulator.control<{ jobsCreated: number }>('GET', 'welcorp/stats');
			const jobs = await emulator.control<{
				jobs: Array<{ total_recipients: number; startMs: number }>;
			}>('GET', 'welcorp/jobs?user_id=421');
			const created = jobs.jobs.filter((job) => job.startMs > ANCHOR.getTime());
			const requests = await emulator.requests('welcorp');
			checked[mode] = {
				outputItems: value,
				jobs: stats.jobsCreated,
				recipients: created.reduce((sum, job) => sum + job.total_recipients, 0),
				// The emulator keeps the last 50,000 logged requests: beyond, each job is one request.
				requests: requests.length < 50_000 ? requests.length : stats.jobsCreated,
				heapMb,
			};
		}
		ctx.log(`welcorp sms ${count}: ${JSON.stringify(checked)}`);
		const variants = Object.fromEntries(modes.map((mode) => [mode, () => send(mode)])) as Record<
			'oneJob' | 'jobPerItem',
			() => Promise<number>
		>;
		const samples = await rounds(ctx.runs, variants, () => emulator.reset());
		return { checked, samples };
	} finally {
		await emulator.stop();
	}
}

async function weCleverDetails(ctx: BenchContext, leads: number) {
	const emulator = await RemoteEmulator.start({ weclever: { leadCount: leads } });
	const { DETAIL_CONCURRENCY } = require(`${DIST}/nodes/WeClever/lead.js`) as {
		DETAIL_CONCURRENCY: number;
	};
	const range = {
		startDate: new Date(ANCHOR.getTime() - 61 * 86_400_000).toISOString(),
		endDate: ANCHOR.toISOString(),
		returnAll: true,
	};
	const list = { resource: 'lead', operation: 'getFinalized', output: 'raw', ...range };
	const variants = {
		/** Lead → Get Finalized with Include Details: the node fetches the details, DETAIL_CONCURRENCY at a time. */
		includeDetails: async () => {
			const { store, credentials } = credentialFor('weClever', emulator);
			const { items, error } = await runNode({
				nodeType: nodeOf('weClever'),
				store,
				credentials,
				parameters: { ...list, options: { includeDetails: true } },
			});
			if (error) throw new Error(error.message);
			return items.length;
		},
		/** What a workflow without the option does: Get Finalized → Lead → Get for each item, one after the other. */
		sequential: async () => {
			const { store, credentials } = credentialFor('weClever', emulator);
			const WeClever = nodeOf('weClever');
			const items = await runChain(store, [
				{ nodeType: WeClever, name: 'Finalized Leads', parameters: list, credentials },
				{
					nodeType: WeClever,
					name: 'Lead Details',
					parameters: {
						resource: 'lead',
						operation: 'get',
						leadId: '={{ $json.weclever_lead_id }}',
					},
					credentials,
				},
			]);
			return items.length;
		},
	};
	type Stats = { detailCalls: number; maxDetailConcurrency: number };
	const maxConcurrency = { includeDetails: 0, sequential: 0 };
	const checked: Record<string, { items: number; detailCalls: number }> = {};
	try {
		for (const [name, run] of Object.entries(variants)) {
			await emulator.reset();
			const items = await run();
			checked[name] = {
				items,
				detailCalls: (await emulator.control<Stats>('GET', 'weclever/stats')).detailCalls,
			};
		}
		const samples = await rounds(
			ctx.runs,
			variants,
			() => emulator.reset(),
			async (name) => {
				const stats = await emulator.control<Stats>('GET', 'weclever/stats');
				maxConcurrency[name] = Math.max(maxConcurrency[name], stats.maxDetailConcurrency);
			},
		);
		const latency = (await emulator.control<{ detailLatencyMs: number }>('GET', 'weclever/config'))
			.detailLatencyMs;
		return { samples, checked, maxConcurrency, cap: DETAIL_CONCURRENCY, latency };
	} finally {
		await emulator.stop();
	}
}

export async function fanOut(ctx: BenchContext): Promise<Section> {
	const count = ctx.size(10_000, 200);
	ctx.log(`fan-out: Welcorp SMS to ${count} items`);
	const main = await welcorpSms(ctx, count, ['oneJob', 'jobPerItem']);
	const batch = main.checked.oneJob!;
	const perItem = main.checked.jobPerItem!;

	// Batch mode at 1×, 4×, 16×. One job per item at 16× would be 160,000 requests (minutes per run):
	// its growth is measured on the way up to 1× instead (1/16×, 1/4×, 1×).
	ctx.log('fan-out: scaling');
	const scaling: Array<{
		mode: 'oneJob' | 'jobPerItem';
		factor: number;
		items: number;
		requests: number;
		samples: Sample[];
	}> = [];
	const add = (
		mode: 'oneJob' | 'jobPerItem',
		factor: number,
		run: Awaited<ReturnType<typeof welcorpSms>>,
	) =>
		scaling.push({
			mode,
			factor,
			items: Math.round(count * factor),
			requests: run.checked[mode]!.requests,
			samples: run.samples[mode],
		});
	add('oneJob', 1, main);
	for (const factor of [4, 16])
		add('oneJob', factor, await welcorpSms(ctx, count * factor, ['oneJob']));
	for (const factor of [1 / 16, 1 / 4])
		add('jobPerItem', factor, await welcorpSms(ctx, Math.round(count * factor), ['jobPerItem']));
	add('jobPerItem', 1, main);

	const leads = ctx.size(1_000, 40);
	ctx.log(`fan-out: WeClever Include Details over ${leads} leads`);
	const wc = await weCleverDetails(ctx, leads);

	const perItemMs = (samples: Sample[], items: number) =>
		show(summarize(samples.map((s) => s.ms / items)), 'ms', 2);
	const goals: Goal[] = [
		{
			goal: `Welcorp SMS to ${num(count)} items, batch mode: one job request`,
			measured: `${num(batch.requests)} request(s), ${num(batch.jobs)} job, ${num(batch.recipients)} recipients, ${showMs(main.samples.oneJob)}`,
			met: batch.requests === 1 && batch.recipients === count,
		},
		{
			goal: `Welcorp SMS, one job per item: ${num(count)} requests (time reported)`,
			measured: `${num(perItem.requests)} requests, ${showMs(main.samples.jobPerItem)}`,
			met: perItem.requests === count,
		},
		{
			goal: `WeClever Include Details over ${num(leads)} leads: faster than sequential`,
			measured: `${showMs(wc.samples.includeDetails)} vs ${showMs(wc.samples.sequential)} (${showRatio(ratios(wc.samples.includeDetails, wc.samples.sequential))})`,
			met: summarize(ratios(wc.samples.includeDetails, wc.samples.sequential)).median < 1,
		},
		{
			goal: `WeClever Include Details: concurrency never above the cap (${wc.cap})`,
			measured: `highest concurrency seen by the emulator in all runs: ${wc.maxConcurrency.includeDetails}`,
			met: wc.maxConcurrency.includeDetails <= wc.cap,
		},
	];
	const body = [
		`**Welcorp Job → Create (SMS)** to ${num(count)} input items (destination, name and reference mapped with expressions).`,
		'',
		table(
			[
				'Mode',
				'Requests',
				'Jobs',
				'Recipients',
				'Output items',
				'Wall',
				'Per input item',
				'Peak heap',
			],
			(['oneJob', 'jobPerItem'] as const).map((mode) => {
				const c = main.checked[mode]!;
				return [
					mode === 'oneJob' ? 'One job for all items (batch)' : 'One job per item',
					num(c.requests),
					num(c.jobs),
					num(c.recipients),
					num(c.outputItems),
					showMs(main.samples[mode]),
					perItemMs(main.samples[mode], count),
					`${num(c.heapMb)} MB`,
				];
			}),
		),
		'',
		`Batch ÷ per item (wall, per round): ${showRatio(ratios(main.samples.oneJob, main.samples.jobPerItem))}.`,
		'',
		'**Scaling**: batch mode at 1×, 4×, 16× the items; one job per item at 1/16×, 1/4×, 1× (at 16× it would be 160,000 requests, minutes per run).',
		'',
		table(
			['Mode', 'Size', 'Items', 'Requests', 'Wall', 'Per item', 'GC pauses'],
			scaling.map(({ mode, factor, items, requests, samples }) => [
				mode === 'oneJob' ? 'One job for all items' : 'One job per item',
				factor >= 1 ? `${factor}×` : `1/${1 / factor}×`,
				num(items),
				num(requests),
				showMs(samples),
				perItemMs(samples, items),
				showGc(samples),
			]),
		),
		'',
		...(['oneJob', 'jobPerItem'] as const).map((mode) => {
			const runs = scaling.filter((entry) => entry.mode === mode);
			const [small, large] = [runs[0], runs[runs.length - 1]];
			return `${mode === 'oneJob' ? 'One job for all items' : 'One job per item'}: ${growth({ samples: small.samples, units: small.items }, { samples: large.samples, units: large.items })}.\n`;
		}),
		'',
		`**WeClever Lead → Get Finalized with Include Details** over ${num(leads)} leads (1 list request + ${num(leads)} detail requests; the emulator answers a detail in ${wc.latency} × (1 + id mod 3) ms), against a workflow that fetches the same details one at a time (Get Finalized → Lead → Get).`,
		'',
		table(
			['Variant', 'Items', 'Detail requests', 'Wall', 'Highest concurrency'],
			(['includeDetails', 'sequential'] as const).map((name) => [
				name === 'includeDetails'
					? `Include Details (cap ${wc.cap})`
					: 'Sequential: Lead → Get per item',
				num(wc.checked[name].items),
				num(wc.checked[name].detailCalls),
				showMs(wc.samples[name]),
				wc.maxConcurrency[name],
			]),
		),
		'',
		`Include Details ÷ sequential (wall, per round): ${showRatio(ratios(wc.samples.includeDetails, wc.samples.sequential))}.`,
	].join('\n');
	return { title: 'Fan-out', body, goals };
}
