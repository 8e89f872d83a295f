import { randomUUID } from 'node:crypto';
import type { Clock } from '../../cloudfunctions/core/time/clock';
import { toIso } from '../../cloudfunctions/core/time/shanghai';
import { defaultPlaces } from '../../cloudfunctions/core/checkins/places';
import type { GeoFix } from '../../types/checkin';
import type { Place } from '../../types/place';

export function placeNamed(name: string): Place {
  const place = defaultPlaces.places.find((p) => p.name === name);
  if (!place) throw new Error(`no place ${name}`);
  return place;
}

/** A point `meters` north of a place (1° latitude ≈ 111.2 km). */
export function northOf(place: Place, meters: number, accuracy = 15): GeoFix {
  return { latitude: place.latitude + meters / 111_195, longitude: place.longitude, accuracy };
}

/** What the phone sends: a fresh clientId, its clock (by default right), and where it is. */
export function sentFrom(
  clock: Clock,
  options: { location?: GeoFix; deviceOffsetMs?: number; queuedMs?: number; clientId?: string } = {},
) {
  const now = clock.now().getTime() + (options.deviceOffsetMs ?? 0);
  return {
    clientId: options.clientId ?? randomUUID(),
    deviceAt: toIso(new Date(now - (options.queuedMs ?? 0))),
    sentAt: toIso(new Date(now)),
    ...(options.location ? { location: options.location } : {}),
  };
}
