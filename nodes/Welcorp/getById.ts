import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { LocatorSpec, Operation } from '../shared';
import { callEndpoint, getOperation, locatorField, readLocatorId, shapeOutput } from '../shared';
import { WELCORP } from './transport';
import { accountZone } from './transport/values';

/** Job → Get and User → Get: one record by its ID, its times in the account's time zone. */
export interface GetByIdSpec {
	resource: 'job' | 'user';
	locator: LocatorSpec;
	endpoint: 'getJob' | 'getUser';
	operation: string;
	fields: INodePropertyOptions[];
	/** What Raw returns of the answer (by default all of it). */
	record?: (data: IDataObject) => IDataObject;
	simplify: (record: IDataObject, zone: string) => IDataObject;
}

export function getByIdOperation(spec: GetByIdSpec): Operation {
	const { locator, simplify } = spec;
	return getOperation(
		{
			show: { resource: [spec.resource], operation: ['get'] },
			aboveDates: [locatorField(locator)],
			output: { vendor: 'Welcorp', fields: spec.fields },
		},
		{
			query: (context, itemIndex) => readLocatorId(context, locator, itemIndex),
			async read(id, { item, output }) {
				const zone = await accountZone(this, item.itemIndex);
				const answer = await callEndpoint(this, WELCORP, spec.endpoint, {
					operation: spec.operation,
					scope: item,
					pathParams: { [locator.name]: id },
				});
				const data = answer.data as IDataObject;
				const record = spec.record ? spec.record(data) : data;
				return [shapeOutput(output, record, () => simplify(record, zone))];
			},
		},
	);
}
