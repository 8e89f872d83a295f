import type { CheckinFlag } from '../../../types/checkin';
import type { CheckinLimits } from '../../../types/place';

/**
 * When a record happened, on the server's clock. The phone's clock may be wrong by any amount,
 * but the time it measured between the tap and the send is trustworthy (an offset cancels out):
 * at = server receive time − (sentAt − deviceAt). So a dorm check queued offline at 22:00 and
 * sent at 07:00 is dated 22:00 by the server's clock, and a phone set a day ahead changes nothing.
 * clockSkew: the phone's clock at send time is far from the server's (|server − sentAt|).
 * delayedSync: the wait exceeds the offline limit (or is negative): it is capped and flagged.
 */
export function recordTime(input: { receivedAt: number; deviceAt: number; sentAt: number; limits: CheckinLimits }): { at: number; flags: CheckinFlag[] } {
  const { receivedAt, deviceAt, sentAt, limits } = input;
  const flags: CheckinFlag[] = [];
  if (Math.abs(receivedAt - sentAt) > limits.maxClockSkewSeconds * 1000) flags.push('clockSkew');
  const waited = sentAt - deviceAt;
  const maxWait = limits.maxOfflineHours * 3_600_000;
  if (waited < 0 || waited > maxWait) flags.push('delayedSync');
  const wait = Math.min(Math.max(waited, 0), maxWait);
  return { at: receivedAt - wait, flags };
}
