import { WolkvoxApi } from '../../credentials/WolkvoxApi.credentials';
import { Wolkvox } from '../../nodes/Wolkvox/Wolkvox.node';
import { WolkvoxTrigger } from '../../nodes/Wolkvox/WolkvoxTrigger.node';
import { pinDescriptions } from '../helpers/descriptions';

pinDescriptions({
	Wolkvox: new Wolkvox().description,
	WolkvoxTrigger: new WolkvoxTrigger().description,
	WolkvoxApi: new WolkvoxApi(),
});
