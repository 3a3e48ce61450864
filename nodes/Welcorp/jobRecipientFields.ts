import type { INodeProperties } from 'n8n-workflow';

import { formShow, type JobForm } from './jobForm';

/** What a destination is, in the words of the form's job types. */
function destinationText(form: JobForm): string {
	if (form.types.every((type) => type === 'email')) return 'Email address of the recipient';
	if (form.types.every((type) => type === 'fax'))
		return 'Fax number of the recipient (with country code)';
	if (!form.types.includes('email')) return 'Phone number of the recipient (with country code)';
	return 'Phone number of the recipient (with country code), or email address for Email jobs';
}

/** Where the recipients of a job form come from, and how input items become jobs. */
export function recipientFields(form: JobForm): INodeProperties[] {
	const show = formShow(form);
	const fromItems = formShow(form, { recipientSource: ['inputItems'] });
	const email = form.types.every((type) => type === 'email');
	return [
		{
			displayName: 'Recipients From',
			name: 'recipientSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Input Items',
					value: 'inputItems',
					description: 'Each input item is one recipient; map its destination and merge fields',
				},
				{
					name: 'Defined Below',
					value: 'defined',
					description: 'A fixed list of recipients; one job per input item',
				},
				{
					name: 'Uploaded Lists',
					value: 'userLists',
					description: 'Lists uploaded in the Welcorp portal; one job per input item',
				},
			],
			default: 'inputItems',
			displayOptions: { show },
		},
		{
			displayName: 'Jobs',
			name: 'batching',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'One Job for All Items',
					value: 'oneJob',
					description: 'A single request with every input item as a recipient',
				},
				{
					name: 'One Job per Item',
					value: 'jobPerItem',
					description: 'A separate job (and request) for each input item',
				},
			],
			default: 'oneJob',
			displayOptions: { show: fromItems },
		},
		{
			displayName: 'Destination',
			name: 'destination',
			type: 'string',
			required: true,
			default: '',
			placeholder: email ? '={{ $json.email }}' : '={{ $json.phone }}',
			description: destinationText(form),
			displayOptions: { show: fromItems },
		},
		{
			displayName: 'Recipient Name',
			name: 'recipientName',
			type: 'string',
			default: '',
			placeholder: '={{ $json.name }}',
			description: 'Shown in delivery reports and available as %%recipient%%',
			displayOptions: { show: fromItems },
		},
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			default: '',
			placeholder: '={{ $json.customerRef }}',
			description: 'Your reference for the recipient, returned in delivery reports and callbacks',
			displayOptions: { show: fromItems },
		},
		{
			displayName: 'Merge Fields',
			name: 'mergeFields',
			type: 'fixedCollection',
			placeholder: 'Add Merge Field',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Values for %%name%% placeholders in the message, per recipient',
			displayOptions: { show: fromItems },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'address',
							hint: 'Used as %%name%% in the message',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: '={{ $json.address }}',
						},
					],
				},
			],
		},
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'fixedCollection',
			placeholder: 'Add Recipient',
			typeOptions: { multipleValues: true },
			default: {},
			displayOptions: { show: formShow(form, { recipientSource: ['defined'] }) },
			options: [
				{
					displayName: 'Recipient',
					name: 'recipient',
					values: [
						{
							displayName: 'Destination',
							name: 'destination',
							type: 'string',
							default: '',
							description: destinationText(form),
						},
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
						{
							displayName: 'Merge Fields (JSON)',
							name: 'mergeData',
							type: 'json',
							default: '{}',
							description: 'Values for %%name%% placeholders, e.g. {"address": "1 Main St"}',
						},
					],
				},
			],
		},
		{
			displayName: 'User List IDs',
			name: 'userListIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: '1234, 5678',
			description:
				'Comma-separated IDs of lists uploaded in the Welcorp portal. Their fixed merge fields are %%recipient%%, %%reference%%, %%email%%, %%fax%%, %%phone%%, %%mobile%% and %%customfield1%% to %%customfield6%%.',
			displayOptions: { show: formShow(form, { recipientSource: ['userLists'] }) },
		},
	];
}
