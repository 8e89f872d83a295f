import placesJson from '../../../config/places.json';
import { PlacesConfig, type Place } from '../../../types/place';
import { DomainError } from '../errors';

/** Places from configuration; a bad file stops at start with the path of the first fault. */
export function parsePlaces(json: unknown): PlacesConfig {
  const parsed = PlacesConfig.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new DomainError(
    'PLACES.CONFIG_INVALID',
    `地点配置有误${path ? `（${path}）` : ''}：${issue?.message ?? '格式不正确'}`,
    path || undefined,
  );
}

export const defaultPlaces = parsePlaces(placesJson);

/** A dorm's place is its building (Dorm.building is the place's name). */
export function placeOfBuilding(config: PlacesConfig, building: string): Place | null {
  return config.places.find((p) => p.kind === 'dorm' && p.name === building) ?? null;
}

export function placeById(config: PlacesConfig, id: string): Place | null {
  return config.places.find((p) => p.id === id) ?? null;
}
