/** The one due-date convention lives with the contract (types/duty.ts) so the app renders it too. */
export { dueDateText, lastDayOf } from '../../../types/duty';
