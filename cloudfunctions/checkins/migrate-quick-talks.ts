import { noteDutySource } from '../application/digests/duty-digests';
import type { ClassInfo } from '../../types/domain';
import { TalkMode, type TalkerRole } from '../../types/support';
import { numberTalks } from '../core/support/talk-numbering';
import { quickTalkRecord } from '../core/support/quick-talk';
import { toIso } from '../core/time/shanghai';
import type { Clock } from '../core/time/clock';
import { usersByIds } from '../platform/directory/directory';
import { queryAll, type Store } from '../platform/store/store';

const MIGRATOR = 'system:migrate-quick-talks';

function roleIn(cls: ClassInfo | undefined, actorId: string): TalkerRole {
  if (cls?.headTeacherId === actorId) return 'headTeacher';
  if (cls?.assistantId === actorId) return 'assistant';
  return 'counselor';
}

/**
 * Issue 11: quick talks used to be written into `dutyRecords` and were missing from the case.
 * Each old talk record becomes the one talk record (same id, so a resend from an old offline
 * queue still finds it) and the old row is removed. Idempotent: a second run finds nothing to
 * do; a run stopped between the two writes finishes the removal next time. Returns how many moved.
 */
export async function migrateQuickTalks(store: Store, clock: Clock): Promise<number> {
  const old = await queryAll(store, 'dutyRecords', { where: { kind: 'talk' } });
  if (old.length === 0) return 0;
  const studentIds = [...new Set(old.flatMap((r) => (r.studentId ? [r.studentId] : [])))];
  const [students, classes, users] = await Promise.all([
    queryAll(store, 'students', { where: { _id: { in: studentIds } } }),
    queryAll(store, 'classes', { where: { _id: { in: [...new Set(old.map((r) => r.classId))] } } }),
    usersByIds(
      store,
      old.map((r) => r.actorId),
    ),
  ]);
  const studentById = new Map(students.map((s) => [s._id, s]));
  const classById = new Map(classes.map((c) => [c._id, c]));
  const write = { by: MIGRATOR, at: toIso(clock.now()) };
  let moved = 0;
  for (const r of old) {
    const student = r.studentId ? studentById.get(r.studentId) : undefined;
    const mode = TalkMode.safeParse(r.mode);
    // A record that cannot become a talk (no such student) is left where it is, not lost.
    if (!student) continue;
    const doc = quickTalkRecord({
      _id: r._id,
      actorId: r.actorId,
      actorName: users.get(r.actorId)?.name ?? r.actorId,
      talkerRole: roleIn(classById.get(r.classId), r.actorId),
      at: r.at,
      receivedAt: r.receivedAt,
      student,
      mode: mode.success ? mode.data : 'faceToFace',
      minutes: r.minutes ?? 1,
      content: r.details.form === 'talk' ? r.details.notes : '',
      clientId: r.clientId,
      flags: r.flags,
      nth: 0,
    });
    // 第 n 次 with this talker, counted among the talks already there.
    const talks = await queryAll(store, 'talks', { where: { studentId: student._id } });
    const nth = numberTalks([...talks.filter((t) => t._id !== doc._id), doc]).get(doc._id) ?? 1;
    await store.transaction(async (tx) => {
      if (!(await tx.get('talks', r._id))) {
        await noteDutySource(tx, 'talks', null, await tx.add('talks', { ...doc, nth }, write), write);
        moved += 1;
      }
      await tx.remove('dutyRecords', r._id);
      await noteDutySource(tx, 'dutyRecords', r, null, write);
    });
  }
  return moved;
}
