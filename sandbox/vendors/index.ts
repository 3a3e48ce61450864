import type { VendorModule } from '../core/types';
import { weCleverVendor } from './weClever';
import { wesalPortalVendor } from './wesalPortal';
import { welcorpVendor } from './welcorp';
import { wesalVocVendor } from './wesalVoc';
import { wolkvoxVendor } from './wolkvox';

/** Adding a vendor = one module under sandbox/vendors/ + one line here. */
export const vendorModules: VendorModule[] = [
	wesalVocVendor,
	welcorpVendor,
	wesalPortalVendor,
	weCleverVendor,
	wolkvoxVendor,
];
