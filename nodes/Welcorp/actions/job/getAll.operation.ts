import type { IDataObject } from 'n8n-workflow';

import { filtersCollection, listOperation, shapeOutput } from '../../../shared';
import { jobFilterOptions, listJobs, readJobFilters } from '../../job';
import { JOB_FIELDS, simplifyJob } from '../../jobOutput';
import { accountZone } from '../../transport/values';

const show = { resource: ['job'], operation: ['getAll'] };

const operation = listOperation(
	{
		show,
		filters: [filtersCollection(jobFilterOptions(true), show)],
		output: { vendor: 'Welcorp', fields: JOB_FIELDS },
	},
	{
		async read(_, { item, output, page }) {
			const zone = await accountZone(this, item.itemIndex);
			const zones = { workflow: this.getTimezone(), account: zone };
			const filters = readJobFilters(this, zones, item.itemIndex);
			const raw = output.mode === 'raw';
			const jobs = await listJobs(this, 'Job: Get Many', filters, page, item, !raw);
			return jobs.map((job) =>
				shapeOutput(output, job, () => simplifyJob(job as IDataObject, zone)),
			);
		},
	},
);

// one name per export: a destructured export compiles to a module-level variable
export const description = operation.description;
export const execute = operation.execute;
