import { waitFields } from '../../waitFields';

/** Runs through the node's execute (it waits) and webhook (the reply), not the item router. */
export const description = waitFields('sms');
