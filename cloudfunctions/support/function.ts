import { supportApi } from '../../types/api/support';
import { defineFunction } from '../platform/runtime/define-function';
import { caseHandlers } from './case';
import { meetingHandlers } from './meetings';
import { pairingHandlers } from './pairings';
import { planHandlers } from './plans';
import { talkHandlers } from './talks';

/** Support casework (帮扶): talks, difficulty types, study plans, peer pairing, meetings, the case view. */
export const supportFunction = defineFunction('support', supportApi, {
  ...talkHandlers,
  ...planHandlers,
  ...pairingHandlers,
  ...meetingHandlers,
  ...caseHandlers,
});
