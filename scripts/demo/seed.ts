import { toIso } from '../../cloudfunctions/core/time/shanghai';
import type { Clock } from '../../cloudfunctions/core/time/clock';
import type { Store } from '../../cloudfunctions/platform/store/store';
import { generateDemo, type DemoData } from './generate';

export const DEMO_ACTOR = 'system:demo-seed';

/** Loads the demo college, dated from `clock` (timeline.ts), into an empty store; a store that has users is left as it is. */
export async function seedDemo(store: Store, clock: Clock): Promise<{ seeded: boolean; data: DemoData | null }> {
  if ((await store.count('users')) > 0) return { seeded: false, data: null };
  const data = generateDemo(clock);
  const ctx = { by: DEMO_ACTOR, at: toIso(clock.now()) };
  await store.addMany('colleges', [data.college], ctx);
  await store.addMany('classes', data.classes, ctx);
  await store.addMany('students', data.students, ctx);
  await store.addMany('dorms', data.dorms, ctx);
  await store.addMany('courses', data.courses, ctx);
  for (let i = 0; i < data.grades.length; i += 5000) await store.addMany('grades', data.grades.slice(i, i + 5000), ctx);
  // Users last: their presence marks the seed as complete.
  await store.addMany('users', data.users, ctx);
  return { seeded: true, data };
}
