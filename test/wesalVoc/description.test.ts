import { WesalVocApi } from '../../credentials/WesalVocApi.credentials';
import { WesalVoc } from '../../nodes/WesalVoc/WesalVoc.node';
import { WesalVocTrigger } from '../../nodes/WesalVoc/WesalVocTrigger.node';
import { pinDescriptions } from '../helpers/descriptions';

pinDescriptions({
	WesalVoc: new WesalVoc().description,
	WesalVocTrigger: new WesalVocTrigger().description,
	WesalVocApi: new WesalVocApi(),
});
