/**
 * The sample of "typical students" whose talk records and study plans a semester archive keeps
 * (rules: 002-4.2.4.2). Seeded and order-free: each student's rank is a hash of the seed and the
 * 学号, so the same semester always samples the same students, whatever order they were read in.
 */
export function sampleSize(population: number, rate: number, minimum: number): number {
  if (population === 0) return 0;
  return Math.min(population, Math.max(Math.ceil(population * rate - 1e-9), Math.min(minimum, population)));
}

/** FNV-1a 32-bit: enough to spread ranks, not a secret. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function archiveSeed(collegeId: string, semester: string): string {
  return `${collegeId}:${semester}`;
}

/** The chosen ids, sorted; the population sorted and de-duplicated too (both go into the manifest). */
export function sampleStudents(
  ids: readonly string[],
  rate: number,
  minimum: number,
  seed: string,
  stream: string,
): { population: string[]; chosen: string[] } {
  const population = [...new Set(ids)].sort();
  const n = sampleSize(population.length, rate, minimum);
  const ranked = [...population].sort(
    (a, b) => fnv1a(`${seed}|${stream}|${a}`) - fnv1a(`${seed}|${stream}|${b}`) || a.localeCompare(b),
  );
  return { population, chosen: ranked.slice(0, n).sort() };
}
