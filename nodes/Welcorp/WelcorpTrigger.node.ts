import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	callEndpoint,
	lookbackOption,
	mapWithConcurrency,
	outputFields,
	pollNewItems,
	readOutput,
	readTriggerSettings,
	shapeOutput,
	startFromFields,
	timeoutOption,
	withPollStateRollback,
} from '../shared';
import { jobFilterOptions, newJobSource, readJobFilters, type JobQuery, type JobRow } from './job';
import { JOB_FIELDS, simplifyJob } from './jobOutput';
import { pollCompletedJobs } from './jobTracking';
import { listSearch } from './methods';
import { WELCORP } from './transport';
import { accountZone } from './transport/values';

const DAY_MS = 86_400_000;
/** Job details are fetched this many at a time. */
const DETAIL_CONCURRENCY = 4;

export class WelcorpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Welcorp Trigger',
		name: 'welcorpTrigger',
		icon: { light: 'file:welcorp.svg', dark: 'file:welcorp.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "jobCompleted" ? "Job completed" : "New job"}}',
		description: 'Starts the workflow when a Welcorp job is submitted or completes',
		documentationUrl: 'https://github.com/n8n-nodes-voc/n8n-nodes-voc#welcorp',
		defaults: { name: 'Welcorp Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'welcorpApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Job Completed',
						value: 'jobCompleted',
						description: 'A job finished sending; its delivery totals are final',
					},
					{
						name: 'New Job',
						value: 'newJob',
						description: 'A job was submitted (by anyone the credential can see)',
					},
				],
				default: 'newJob',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: jobFilterOptions(false),
			},
			...startFromFields,
			...outputFields('Welcorp', JOB_FIELDS),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Details',
						name: 'includeDetails',
						type: 'boolean',
						default: false,
						description:
							'Whether to fetch each job with its content and delivery reports (one more request per job)',
					},
					lookbackOption,
					timeoutOption,
					{
						displayName: 'Track Jobs For (Days)',
						name: 'trackDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 7,
						description:
							'Job Completed: how long a submitted job is watched before it is given up (scheduled jobs may take long)',
						displayOptions: { show: { '/event': ['jobCompleted'] } },
					},
				],
			},
		],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const settings = readTriggerSettings(this);
		const output = readOutput(this);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const trackDays = options.trackDays ?? 7;
		if (typeof trackDays !== 'number' || !Number.isFinite(trackDays) || trackDays <= 0) {
			throw new NodeOperationError(
				this.getNode(),
				'Invalid "Track Jobs For (Days)": must be a positive number',
				{ description: `Got ${JSON.stringify(trackDays)}. Nothing was read.` },
			);
		}
		const zone = await accountZone(this);
		const query: JobQuery = {
			operation: event === 'jobCompleted' ? 'Trigger: Job Completed' : 'Trigger: New Job',
			filters: readJobFilters(this, { workflow: this.getTimezone(), account: zone }),
			zone,
			scope: { timeoutMs: settings.timeoutMs },
		};
		const shape = (job: IDataObject) => ({
			json: shapeOutput(output, job, () => simplifyJob(job, zone)),
		});
		const details = async (jobs: JobRow[]) =>
			await mapWithConcurrency(jobs, DETAIL_CONCURRENCY, async (job) => {
				const answer = await callEndpoint(this, WELCORP, 'getJob', {
					operation: query.operation,
					scope: query.scope,
					pathParams: { jobId: job.job_id },
				});
				return answer.data as IDataObject;
			});
		// New jobs and their details are all or nothing: a failed detail call leaves the jobs new.
		return await withPollStateRollback(this, async () => {
			const jobs =
				event === 'jobCompleted'
					? await pollCompletedJobs(this, query, {
							...settings,
							trackMs: trackDays * DAY_MS,
						})
					: await pollNewItems(this, newJobSource(this, query), settings);
			if (!jobs) return null;
			const records = options.includeDetails ? await details(jobs) : (jobs as IDataObject[]);
			return [records.map(shape)];
		});
	}
}
