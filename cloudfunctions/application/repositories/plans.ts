import { NotFoundError } from '../../core/errors';
import type { StudyPlan } from '../../../types/support';
import { queryAll, type Store, type Stored, type TxStore, type WriteContext } from '../../platform/store/store';
import { noteDutySource } from '../digests/duty-digests';

/** Study plans (个人学习计划): one per warning. */

/** One plan per warning: a deterministic id makes saving twice update, not duplicate. */
export function planIdOf(warningId: string): string {
  return `plan-${warningId}`;
}

export async function loadPlan(store: Store, planId: string): Promise<Stored<StudyPlan>> {
  const p = await store.get('studyPlans', planId);
  if (!p) throw new NotFoundError('该学习计划');
  return p;
}

/** The plan written for a warning, if the student has started one. */
export async function planOfWarning(store: Store, warningId: string): Promise<Stored<StudyPlan> | null> {
  return store.get('studyPlans', planIdOf(warningId));
}

export async function plansOfClasses(
  store: Store,
  classIds: readonly string[],
  where: { status?: StudyPlan['status'] | { neq: StudyPlan['status'] } } = {},
): Promise<Stored<StudyPlan>[]> {
  if (classIds.length === 0) return [];
  return queryAll(store, 'studyPlans', { where: { classId: { in: [...classIds] }, ...where } });
}

export async function addPlan(store: Store, plan: StudyPlan, write: WriteContext): Promise<Stored<StudyPlan>> {
  return store.add('studyPlans', plan, write);
}

/** Saves a change inside a transaction: an approval counts toward the reviewer's duty, so the digest rows follow. */
export async function updatePlan(
  tx: TxStore,
  plan: Stored<StudyPlan>,
  change: Partial<StudyPlan>,
  write: WriteContext,
): Promise<Stored<StudyPlan>> {
  const saved = await tx.update('studyPlans', plan._id, change, plan._version, write);
  await noteDutySource(tx, 'studyPlans', plan, saved, write);
  return saved;
}
