import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api, FunctionName } from '../../types/api';
import type { Envelope, InputOf, OutputOf } from '../../types/envelope';
import { functions } from '../../cloudfunctions/registry';
import type { fixedClock } from '../../cloudfunctions/core/time/clock';
import { clockFromSetting } from '../../cloudfunctions/platform/clock-setting';
import { openSqliteStore } from '../../cloudfunctions/platform/store/sqlite-store';
import { localFiles } from '../../cloudfunctions/platform/files/local-files';
import type { Store } from '../../cloudfunctions/platform/store/store';
import { DEMO_OPENID_PREFIX, generateDemo, type DemoData } from '../../scripts/demo/generate';
import { seedDemo } from '../../scripts/demo/seed';
import { assertDeclaredCode } from './declared-errors';

export type Harness = {
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  demo: DemoData;
  dir: string;
  /** Where uploads go, as on the local server (`newUpload` gives a fileId and a path to write). */
  files: ReturnType<typeof localFiles>;
  /** Call a function as a seeded user (by user id), exactly as the cloud would with their OPENID. */
  callAs<F extends FunctionName, A extends keyof Api[F] & string>(
    userId: string | null,
    fn: F,
    action: A,
    input: InputOf<Api[F][A]> | Record<string, unknown>,
  ): Promise<Envelope<OutputOf<Api[F][A]>>>;
  /** Like callAs but expects success and returns the data. */
  ok<F extends FunctionName, A extends keyof Api[F] & string>(
    userId: string,
    fn: F,
    action: A,
    input: InputOf<Api[F][A]>,
  ): Promise<OutputOf<Api[F][A]>>;
  close(): Promise<void>;
};

/** When a suite names no date and XUEYE_NOW is not set: a Monday in the autumn term. */
export const HARNESS_DEFAULT_NOW = '2026-11-23T09:00:00+08:00';

/**
 * The dates the date-sensitive suites run at: term-time, the winter break, a later school year
 * (the shipped calendar once ended in 2027; the rule dates any year).
 */
export const SUITE_DATES = {
  termTime: '2026-11-25T10:00:00+08:00',
  winterBreak: '2027-01-25T10:00:00+08:00',
  laterYear: '2028-10-15T10:00:00+08:00',
} as const;
export const suiteDates = Object.entries(SUITE_DATES);

/** The harness's fixed clock: `now` if given, else XUEYE_NOW, else HARNESS_DEFAULT_NOW. Never the wall clock. */
export function harnessClock(now?: string): ReturnType<typeof fixedClock> {
  return clockFromSetting(now === undefined ? process.env : {}, { fallback: now ?? HARNESS_DEFAULT_NOW });
}

/** A real SQLite file in a temp folder, seeded with the demo college (dated from the clock), and a fixed clock. */
export async function openHarness(now?: string): Promise<Harness> {
  const h = await openEmptyHarness(now);
  const seeded = await seedDemo(h.store, h.clock);
  return { ...h, demo: seeded.data ?? generateDemo(h.clock) };
}

/** The harness without the demo: an empty store, for tests that build their own college (test/support/build). */
export type EmptyHarness = Omit<Harness, 'demo'>;

export async function openEmptyHarness(now?: string): Promise<EmptyHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'xueye-test-'));
  const store = openSqliteStore(join(dir, 'test.sqlite'));
  const clock = harnessClock(now);
  const files = localFiles(dir);
  const callAs: Harness['callAs'] = async (userId, fn, action, input) => {
    const target = functions[fn];
    if (!target) throw new Error(`no function ${fn}`);
    // checkOutputs: every answer must be exactly what its action's output schema describes (output-check.ts).
    const envelope = await target.dispatch(
      { action, input },
      { store, clock, files, checkOutputs: true, openid: userId === null ? null : DEMO_OPENID_PREFIX + userId },
    );
    assertDeclaredCode(fn, action, envelope);
    return envelope as Envelope<never>;
  };
  return {
    store,
    clock,
    dir,
    files,
    callAs,
    async ok(userId, fn, action, input) {
      const envelope = await callAs(userId, fn, action, input);
      if (!envelope.ok) throw new Error(`${fn}.${action} as ${userId} failed: ${envelope.code} ${envelope.message}`);
      return envelope.data;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Seeded users by role, for tests that need "a counselor" or "a student of another class". */
export function demoPeople(demo: DemoData) {
  const firstClass = demo.classes[0];
  const otherClass = demo.classes.find((c) => c.cohort !== firstClass?.cohort);
  if (!firstClass || !otherClass) throw new Error('demo has too few classes');
  const studentsOf = (classId: string) => demo.students.filter((s) => s.classId === classId);
  const [student, classmate] = studentsOf(firstClass._id);
  const [outsider] = studentsOf(otherClass._id);
  if (!student || !classmate || !outsider) throw new Error('demo has too few students');
  const parentOf = (studentId: string) =>
    demo.users.find((u) => u.grants.some((g) => g.role === 'parent' && g.childIds.includes(studentId)));
  const boundParent = parentOf(student._id);
  const otherParent = parentOf(outsider._id);
  if (!boundParent || !otherParent) throw new Error('demo parents are not bound as expected');
  return {
    firstClass,
    otherClass,
    student,
    studentUser: `s-${student._id}`,
    classmate,
    classmateUser: `s-${classmate._id}`,
    outsider,
    outsiderUser: `s-${outsider._id}`,
    parentUser: boundParent._id,
    otherParentUser: otherParent._id,
    counselorUser: firstClass.counselorId,
    otherCounselorUser: otherClass.counselorId,
    headTeacherUser: firstClass.headTeacherId,
    otherHeadTeacherUser:
      demo.classes.find((c) => c.cohort === firstClass.cohort && c._id !== firstClass._id)?.headTeacherId ?? '',
    assistantUser: firstClass.assistantId ?? '',
    clerkUser: 't-clerk',
    leaderUser: 't-leader',
  };
}
