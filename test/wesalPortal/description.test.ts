import { WesalPortalApi } from '../../credentials/WesalPortalApi.credentials';
import { WesalPortal } from '../../nodes/WesalPortal/WesalPortal.node';
import { WesalPortalTrigger } from '../../nodes/WesalPortal/WesalPortalTrigger.node';
import { pinDescriptions } from '../helpers/descriptions';

pinDescriptions({
	WesalPortal: new WesalPortal().description,
	WesalPortalTrigger: new WesalPortalTrigger().description,
	WesalPortalApi: new WesalPortalApi(),
});
