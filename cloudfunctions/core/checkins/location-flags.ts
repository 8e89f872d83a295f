import type { CheckinFlag, GeoFix } from '../../../types/checkin';
import type { CheckinLimits, Place } from '../../../types/place';
import { distanceMeters } from './geo';

/**
 * What the position says about a check-in at a place: how far it was (metres, rounded), and
 * flags when it was outside the place's radius (allowing for nothing: the accuracy is flagged
 * separately), when the fix was too coarse to tell, or when there was no fix at all.
 */
export function locationFlags(
  fix: GeoFix | undefined,
  place: Place | null,
  limits: CheckinLimits,
): { distanceMeters: number | null; flags: CheckinFlag[] } {
  if (!fix) return { distanceMeters: null, flags: place ? ['noLocation'] : [] };
  const flags: CheckinFlag[] = [];
  if (fix.accuracy !== undefined && fix.accuracy > limits.maxAccuracyMeters) flags.push('poorAccuracy');
  if (!place) return { distanceMeters: null, flags };
  const distance = Math.round(distanceMeters(fix, place));
  if (distance > place.radiusMeters) flags.push('outsideRadius');
  return { distanceMeters: distance, flags };
}
