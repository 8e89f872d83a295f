import { expect } from '@jest/globals';
import type { EffectReport } from '../../../types/api/reports';
import type { Warning } from '../../../types/warning';
import { functions } from '../../../cloudfunctions/registry';
import { queryAll } from '../../../cloudfunctions/platform/store/store';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { runAndPublish } from '../../support/build/warnings';
import { seedWarnedClasses } from '../../support/build/reports';
import type { TwoClasses } from '../../support/build/two-classes';
import { countingStore } from '../../support/checkins-counting-store';
import { sentFrom } from '../../support/checkins-factories';
import { openEmptyHarness, SUITE_DATES, type EmptyHarness } from '../../support/harness';
import { talkInput } from '../../support/support-factories';

const S = '2025-2026-1';
const NEXT = '2025-2026-2';
const BUILT_AT = '2026-09-01T08:00:00.000+08:00';
const HOUR = 3_600_000;

type Counts = { talks: number; meetings: number; parentContacts: number };

/**
 * The support each warned student of S received, straight from the talks, meetings and check-ins:
 * between the warning's publication and the next semester's warning (if any). A talk is a talk
 * (a 约谈 counts through its talk record); a held 座谈会 counts for each student present (all
 * invited when no presence was taken), a held 班会 for each invited student; a held 家长面谈 and a
 * parent contact filed as a check-in are parent contacts.
 */
async function supportFromRecords(h: EmptyHarness): Promise<Map<string, Counts>> {
  const warnings = (await queryAll(h.store, 'warnings')).filter((w) => w.status !== 'withdrawn');
  const latest = (semester: string) => {
    const m = new Map<string, Warning>();
    for (const w of warnings.filter((x) => x.semester === semester)) {
      const seen = m.get(w.studentId);
      if (!seen || w.publishedAt > seen.publishedAt) m.set(w.studentId, w);
    }
    return m;
  };
  const after = latest(NEXT);
  const talks = await queryAll(h.store, 'talks');
  const meetings = (await queryAll(h.store, 'meetings')).filter((m) => m.record !== null && m.status !== 'cancelled');
  const contacts = (await queryAll(h.store, 'dutyRecords')).filter((r) => r.kind === 'parentContact');
  const calls = (await queryAll(h.store, 'notices')).flatMap((n) =>
    n.phoneContacts.map((c) => ({ studentId: n.studentId, at: c.at })),
  );
  const out = new Map<string, Counts>();
  for (const [id, w] of latest(S)) {
    const until = after.get(id)?.publishedAt ?? '9999';
    const within = (at: string) => at >= w.publishedAt && at < until;
    out.set(id, {
      talks: talks.filter((t) => t.studentId === id && within(t.at)).length,
      meetings: meetings.filter(
        (m) =>
          within(m.at) &&
          ((m.kind === 'collectiveTalk' &&
            (m.record?.presentIds.length ? m.record.presentIds : m.studentIds).includes(id)) ||
            (m.kind === 'classMeeting' && m.studentIds.includes(id))),
      ).length,
      parentContacts:
        contacts.filter((r) => r.studentId === id && within(r.at)).length +
        calls.filter((c) => c.studentId === id && within(c.at)).length +
        meetings.filter((m) => m.kind === 'parentMeeting' && m.studentIds.includes(id) && within(m.at)).length,
    });
  }
  return out;
}

describe('effect report: support received from the duty digests (issue 14)', () => {
  let h: EmptyHarness;
  let p: TwoClasses;

  /** A meeting scheduled an hour ahead, then held (minutes written) two hours on. */
  const holdMeeting = async (
    kind: 'collectiveTalk' | 'classMeeting' | 'parentMeeting',
    studentIds: string[],
    presentIds: string[],
  ) => {
    const m = await h.ok(p.counselorUser, 'support', 'scheduleMeeting', {
      kind,
      title: '学业帮扶',
      classId: p.firstClass._id,
      studentIds,
      startAt: new Date(h.clock.now().getTime() + HOUR).toISOString(),
      place: '302',
    });
    h.clock.advance(2 * HOUR);
    await h.ok(p.counselorUser, 'support', 'recordMeeting', {
      meetingId: m._id,
      summary: '交流学习方法，约定复习计划',
      minutes: 40,
      presentIds,
    });
    return m;
  };

  const report = async (store = h.store): Promise<EffectReport> => {
    const fn = functions.reports;
    if (!fn) throw new Error('reports is not registered');
    const answer = await fn.dispatch(
      { action: 'effect', input: { semester: S } },
      { store, clock: h.clock, files: h.files, openid: DEMO_OPENID_PREFIX + p.leaderUser },
    );
    if (!answer.ok) throw new Error(answer.message);
    return answer.data as EffectReport;
  };

  beforeAll(async () => {
    h = await openEmptyHarness(SUITE_DATES.termTime);
    // 孙一鸣, 钱二妹 (生工251班) and 李四海 (食品241班) warned in S; in NEXT 孙一鸣 lifted, the others warned again.
    p = await seedWarnedClasses(h.store, BUILT_AT, S, NEXT);
    await runAndPublish(h, S);
    h.clock.advance(HOUR);
    await h.ok(p.counselorUser, 'support', 'recordTalk', talkInput(p.student._id, { at: h.clock.now().toISOString() }));
    await h.ok(p.counselorUser, 'checkins', 'parentContact', {
      ...sentFrom(h.clock),
      studentId: p.classmate._id,
      channel: '电话',
      notes: '沟通学习情况',
    });
    // A 座谈会 both were invited to, only 孙一鸣 came; a 班会 of the whole class; a 家长面谈 for 钱二妹.
    await holdMeeting('collectiveTalk', [p.student._id, p.classmate._id], [p.student._id]);
    await holdMeeting('classMeeting', [], []);
    await holdMeeting('parentMeeting', [p.classmate._id], [p.classmate._id]);
    // A 约谈 of 钱二妹, closed by its talk record: one talk, not also a meeting.
    const talk = await h.ok(p.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'talk',
      title: '约谈',
      classId: p.firstClass._id,
      studentIds: [p.classmate._id],
      startAt: new Date(h.clock.now().getTime() + HOUR).toISOString(),
      place: '辅导员办公室',
    });
    h.clock.advance(2 * HOUR);
    await h.ok(
      p.counselorUser,
      'support',
      'recordTalk',
      talkInput(p.classmate._id, { at: h.clock.now().toISOString(), meetingId: talk._id }),
    );
    // 李四海's counselor calls his parent about the warning notice: a parent contact.
    const [notice] = (await queryAll(h.store, 'notices')).filter((n) => n.studentId === p.outsider._id);
    await h.ok(p.otherCounselorUser, 'notices', 'recordPhoneContact', {
      noticeId: notice?._id ?? '',
      at: h.clock.now().toISOString(),
      summary: '已电话告知家长学业警示情况',
    });
    // A cancelled 座谈会 counts for nobody.
    const cancelled = await h.ok(p.counselorUser, 'support', 'scheduleMeeting', {
      kind: 'collectiveTalk',
      title: '取消的座谈会',
      classId: p.firstClass._id,
      studentIds: [p.student._id],
      startAt: new Date(h.clock.now().getTime() + HOUR).toISOString(),
      place: '302',
    });
    await h.ok(p.counselorUser, 'support', 'cancelMeeting', { meetingId: cancelled._id });
    h.clock.advance(24 * HOUR);
    await runAndPublish(h, NEXT);
  });
  afterAll(() => h.close());

  it('talks, meetings and parent contacts per warned student equal a count from the raw records', async () => {
    const r = await report();
    const expected = await supportFromRecords(h);
    expect(r.students.map((s) => s.studentId).sort()).toEqual([...expected.keys()].sort());
    for (const s of r.students) {
      const { talks, meetings, parentContacts } = s.support;
      expect({ id: s.studentId, talks, meetings, parentContacts }).toEqual({
        id: s.studentId,
        ...expected.get(s.studentId),
      });
    }
    // The scenario is not empty: 孙一鸣 one talk, the 座谈会 and the 班会; 钱二妹 the 约谈's talk,
    // the 班会, the call and the 家长面谈; 李四海 (another class) his counselor's call on the notice.
    const of = (id: string) => r.students.find((s) => s.studentId === id)?.support;
    expect(of(p.student._id)).toMatchObject({ talks: 1, meetings: 2, parentContacts: 0 });
    expect(of(p.classmate._id)).toMatchObject({ talks: 1, meetings: 1, parentContacts: 2 });
    expect(of(p.outsider._id)).toMatchObject({ talks: 0, meetings: 0, parentContacts: 1 });
  });

  it('reads no talk, meeting or check-in: the same documents with 3 or 63 more records, growing with classes', async () => {
    const cold = async () => {
      const counted = countingStore(h.store);
      const r = await report(counted.store);
      return { trips: counted.trips, r };
    };
    const small = await cold();
    for (const c of ['talks', 'meetings', 'dutyRecords']) expect(small.trips.byCollection.get(c)).toBeUndefined();
    // 20 more talks, 20 parent calls and 20 class meetings, all in the month already digested.
    for (let i = 0; i < 20; i++) {
      h.clock.advance(HOUR);
      await h.ok(
        p.counselorUser,
        'support',
        'recordTalk',
        talkInput(p.student._id, { at: h.clock.now().toISOString() }),
      );
      await h.ok(p.counselorUser, 'checkins', 'parentContact', {
        ...sentFrom(h.clock),
        studentId: p.student._id,
        channel: '电话',
        notes: '跟进',
      });
      await holdMeeting('classMeeting', [], []);
    }
    const large = await cold();
    expect(large.trips.rows).toBe(small.trips.rows);
    expect(large.trips.query + large.trips.get).toBe(small.trips.query + small.trips.get);
    for (const c of ['talks', 'meetings', 'dutyRecords']) expect(large.trips.byCollection.get(c)).toBeUndefined();
    // One digest per class and month: two classes, one month.
    expect(await h.store.count('dutyDigests')).toBeLessThanOrEqual(2);
    // The figures moved with the records (孙一鸣 was lifted: nothing ends his window).
    expect(large.r.students.find((s) => s.studentId === p.student._id)?.support).toMatchObject({
      talks: 21,
      meetings: 22,
      parentContacts: 20,
    });
    const expected = await supportFromRecords(h);
    for (const s of large.r.students) expect(s.support).toMatchObject(expected.get(s.studentId) ?? {});
  });
});
