import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from '../../../shared';
import {
	dateRangeFields,
	optionsCollection,
	outputFields,
	readDateRange,
	readLimit,
	readOutput,
	returnAllOrLimit,
	shapeOutput,
	timeoutOption,
} from '../../../shared';
import { companyField, readCompanyId } from '../../organization';
import { extendedOption, searchSurveys } from '../../survey';
import { simplifySurvey, SURVEY_FIELDS } from '../../surveyOutput';

const show = { resource: ['survey'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{ ...companyField, displayOptions: { show } },
	...dateRangeFields(show, 'Surveys answered', 7),
	...returnAllOrLimit('survey', 'getAll'),
	...outputFields('Wesal Portal', SURVEY_FIELDS, show),
	optionsCollection([extendedOption, timeoutOption], show),
];

const OPERATION = 'Survey: Get Many';

export async function execute(
	this: IExecuteFunctions,
	item: ItemScope,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = item;
	const companyId = readCompanyId(this, itemIndex);
	const range = readDateRange(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const output = readOutput(this, itemIndex);
	const extended = this.getNodeParameter('options.extended', itemIndex, false) === true;

	const surveys = await searchSurveys(
		this,
		OPERATION,
		{
			companyId,
			start: range.start.toJSDate(),
			end: range.end.toJSDate(),
			extended,
			// Raw output passes the surveys on as sent: only their ids are read.
			checkFields: output.mode !== 'raw',
		},
		{ returnAll, limit },
		item,
	);
	return surveys.map((survey) => ({
		json: shapeOutput(output, survey, () => simplifySurvey(survey)),
	}));
}
