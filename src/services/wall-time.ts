/**
 * Shanghai wall-clock text ('2026-11-20 15:00') ↔ ISO +08:00. China has no daylight saving, so
 * a fixed offset is exact (the app build compiles src/ and types/ only, not the server's helpers).
 * Shared by the staff, student and parent screens.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

export function formatWall(iso: string | number): string {
  const t = typeof iso === 'number' ? iso : Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function wallNow(offsetMinutes = 0): string {
  return formatWall(Date.now() + offsetMinutes * 60_000);
}

export function wallToIso(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+08:00`;
  // Round-trip to refuse impossible dates (2026-02-30).
  return formatWall(iso) === text.trim() ? iso : null;
}
