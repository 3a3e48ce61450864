import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	lookbackOption,
	mapWithConcurrency,
	pollNewItems,
	timeoutOption,
	withPollStateRollback,
} from '../shared';
import { readJobFilters } from './jobs/list';
import { jobTypeOptions } from './jobs/types';
import { jobDetailSchema, type JobRow } from './schemas';
import { checkTimeZone } from './time';
import { welcorpCredentials, welcorpRequest } from './transport';
import { pollCompletedJobs } from './trigger/completed';
import { newJobSource, type JobQuery } from './trigger/jobSource';

export class WelcorpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Welcorp Trigger',
		name: 'welcorpTrigger',
		icon: { light: 'file:welcorp.svg', dark: 'file:welcorp.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "jobCompleted" ? "Job completed" : "New job"}}',
		description: 'Starts the workflow when a Welcorp job is submitted or completes',
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
				options: [
					{
						displayName: 'Job Name',
						name: 'jobName',
						type: 'string',
						default: '',
						description: 'Only jobs with exactly this name',
					},
					{
						displayName: 'Job Type',
						name: 'jobType',
						type: 'options',
						options: jobTypeOptions('filter'),
						default: 'Sms',
					},
					{
						displayName: 'User Code',
						name: 'userCode',
						type: 'string',
						default: '',
						description: 'Only jobs of this user (agents and admins)',
					},
					{
						displayName: 'User ID',
						name: 'userId',
						type: 'number',
						default: 0,
						description: 'Only jobs of this user (agents and admins)',
					},
				],
			},
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
							'Whether to fetch each job with its recipients and delivery reports (one more request per job)',
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

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const { timeZone } = await welcorpCredentials(this);
		const zone = checkTimeZone(this.getNode(), timeZone);
		const raw = this.getNodeParameter('filters', {}) as IDataObject;
		const query: JobQuery = {
			operation: event === 'jobCompleted' ? 'Trigger: Job Completed' : 'Trigger: New Job',
			filters: readJobFilters(this.getNode(), raw, { workflow: this.getTimezone(), account: zone }),
			zone,
			timeoutMs: options.timeout as number | undefined,
		};
		const lookbackMs = ((options.lookbackMinutes as number | undefined) ?? 10) * 60_000;
		const fetchDetails = async (jobs: JobRow[]) =>
			await mapWithConcurrency(jobs, 4, async (job: JobRow) => {
				const answer = await welcorpRequest(this, 'getJob', {
					operation: query.operation,
					id: job.job_id,
					schema: jobDetailSchema,
					timeoutMs: query.timeoutMs,
				});
				return { json: answer.data as IDataObject };
			});
		// New jobs and their details are all or nothing: a failed detail call leaves the jobs new.
		return await withPollStateRollback(this, async () => {
			const jobs =
				event === 'jobCompleted'
					? await pollCompletedJobs(this, query, {
							lookbackMs,
							trackMs: ((options.trackDays as number | undefined) ?? 7) * 86_400_000,
						})
					: await pollNewItems(this, newJobSource(this, query), { lookbackMs });
			if (!jobs) return null;
			if (!options.includeDetails) return [jobs.map((job) => ({ json: job as IDataObject }))];
			return [await fetchDetails(jobs)];
		});
	}
}
