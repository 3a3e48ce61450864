import { WelcorpApi } from '../../credentials/WelcorpApi.credentials';
import { Welcorp } from '../../nodes/Welcorp/Welcorp.node';
import { WelcorpTrigger } from '../../nodes/Welcorp/WelcorpTrigger.node';
import { WelcorpCallbackTrigger } from '../../nodes/Welcorp/WelcorpCallbackTrigger.node';
import { pinDescriptions } from '../helpers/descriptions';

pinDescriptions({
	Welcorp: new Welcorp().description,
	WelcorpTrigger: new WelcorpTrigger().description,
	WelcorpCallbackTrigger: new WelcorpCallbackTrigger().description,
	WelcorpApi: new WelcorpApi(),
});
