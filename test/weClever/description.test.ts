import { WeCleverApi } from '../../credentials/WeCleverApi.credentials';
import { WeClever } from '../../nodes/WeClever/WeClever.node';
import { WeCleverTrigger } from '../../nodes/WeClever/WeCleverTrigger.node';
import { pinDescriptions } from '../helpers/descriptions';

pinDescriptions({
	WeClever: new WeClever().description,
	WeCleverTrigger: new WeCleverTrigger().description,
	WeCleverApi: new WeCleverApi(),
});
