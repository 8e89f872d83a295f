/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS = 6_371_008.8;

export type LatLng = { latitude: number; longitude: number };

const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres (haversine). Both points must be in the same datum (GCJ-02
 * here); at campus scale the error against an ellipsoid is well under a metre.
 */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}
