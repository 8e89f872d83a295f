import type { CheckinFlag } from '../../../types/checkin';
import type { CheckinLimits } from '../../../types/place';

/**
 * How long a record may wait between the tap and the server before it counts as filed late.
 * Records count toward duties at their own time, so anything older than a normal send (weak
 * signal, a retry) must be visible as late: a check-in queued offline overnight, or one whose
 * device time was set back. (Belongs in config/places.json limits once CheckinLimits has it.)
 */
export const SYNC_GRACE_MS = 10 * 60_000;

/**
 * When a record happened, on the server's clock. The phone's clock may be wrong by any amount,
 * but the time it measured between the tap and the send is trustworthy (an offset cancels out):
 * at = server receive time − (sentAt − deviceAt). So a dorm check queued offline at 22:00 and
 * sent at 07:00 is dated 22:00 by the server's clock, and a phone set a day ahead changes nothing.
 * clockSkew: the phone's clock at send time is far from the server's (|server − sentAt|).
 * delayedSync: the record is dated more than SYNC_GRACE_MS before the server received it, or
 * the wait is negative (a tap after the send); a wait beyond the offline limit is also capped.
 */
export function recordTime(input: {
  receivedAt: number;
  deviceAt: number;
  sentAt: number;
  limits: CheckinLimits;
  graceMs?: number;
}): { at: number; flags: CheckinFlag[] } {
  const { receivedAt, deviceAt, sentAt, limits, graceMs = SYNC_GRACE_MS } = input;
  const flags: CheckinFlag[] = [];
  if (Math.abs(receivedAt - sentAt) > limits.maxClockSkewSeconds * 1000) flags.push('clockSkew');
  const waited = sentAt - deviceAt;
  const maxWait = limits.maxOfflineHours * 3_600_000;
  const wait = Math.min(Math.max(waited, 0), maxWait);
  if (waited < 0 || wait > graceMs) flags.push('delayedSync');
  return { at: receivedAt - wait, flags };
}
