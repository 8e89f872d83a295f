import { functions } from '../../../cloudfunctions/registry';
import messages from '../../../config/messages.json';
import { defaultPlaces } from '../../../cloudfunctions/core/checkins/places';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import type { Workbench } from '../../../types/api/duties';
import { countingStore } from '../../support/checkins-counting-store';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { makeWarning, publishWarning } from '../../support/notices-factories';
import { sentFrom } from '../../support/checkins-factories';

/** Issue 11 §10: each home's workbench; every count is the length of the list it opens, in a bounded number of reads. */
describe('the workbench of each role', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
    await publishWarning(h.store, makeWarning(people.student, { level: 'oral', levelName: '口头警示' }));
    await publishWarning(h.store, makeWarning(people.classmate));
    h.clock.advance(9 * 86_400_000); // past the parents' one-week deadline
    const teaching = defaultPlaces.places.find((p) => p.kind === 'teaching');
    if (!teaching) throw new Error('no teaching building');
    await h.ok(people.assistantUser, 'checkins', 'classCheck', {
      ...sentFrom(h.clock),
      classId: people.firstClass._id,
      placeId: teaching.id,
      course: '高等数学',
      late: [],
      absent: [],
      leftEarly: [],
    });
  });
  afterAll(() => h.close());

  async function measured(userId: string): Promise<{ bench: Workbench; reads: number }> {
    const counted = countingStore(h.store);
    const fn = functions.duties;
    if (!fn) throw new Error('duties is not registered');
    const answer = await fn.dispatch(
      { action: 'workbench', input: {} },
      { store: counted.store, clock: h.clock, files: h.files, openid: DEMO_OPENID_PREFIX + userId },
    );
    if (!answer.ok) throw new Error(answer.message);
    return { bench: answer.data as Workbench, reads: counted.trips.get + counted.trips.query + counted.trips.count };
  }

  const roles = () =>
    [
      [
        'counselor',
        people.counselorUser,
        [
          'noticesUnsigned',
          'receiptsOverdue',
          'plansToReview',
          'dutiesThisWeek',
          'followUpsOpen',
          'messagesUndelivered',
        ],
      ],
      ['head teacher', people.headTeacherUser, ['plansToReview', 'talksDue', 'messagesUndelivered']],
      ['assistant', people.assistantUser, ['checksToday', 'messagesUndelivered']],
      ['student', people.studentUser, ['noticeToSign', 'planToWrite', 'meetingsToAnswer']],
      ['parent', people.parentUser, ['receiptsToReturn']],
      ['clerk', people.clerkUser, ['draftsToPublish', 'objectionsOpen', 'messagesUndelivered']],
      ['leader', people.leaderUser, ['warningsActive', 'dutiesOverdue', 'messagesUndelivered']],
    ] as const;

  it('each role gets its counts, each equal to the length of its list, and the reads are printed', async () => {
    const reads: string[] = [];
    for (const [role, userId, keys] of roles()) {
      const { bench, reads: n } = await measured(userId);
      reads.push(`${role}: ${n} store reads`);
      expect(bench.counts.map((c) => c.key)).toEqual([...keys]);
      for (const c of bench.counts) {
        const list = await h.ok(userId, 'duties', 'workbenchList', { key: c.key });
        expect([c.key, list.rows.length]).toEqual([c.key, c.count]);
      }
      expect(n).toBeLessThanOrEqual(60);
    }
    console.log(`workbench store reads per home — ${reads.join('; ')}`);
  });

  it('counts say what is there: two unsigned notices, both receipts overdue, the student’s notice and plan, the parent’s receipt, the assistant’s check', async () => {
    const counts = async (userId: string) =>
      new Map((await h.ok(userId, 'duties', 'workbench', {})).counts.map((c) => [c.key, c.count]));
    const counselor = await counts(people.counselorUser);
    expect(counselor.get('noticesUnsigned')).toBe(2);
    expect(counselor.get('receiptsOverdue')).toBe(2);
    const student = await counts(people.studentUser);
    expect([student.get('noticeToSign'), student.get('planToWrite')]).toEqual([1, 1]);
    expect((await counts(people.parentUser)).get('receiptsToReturn')).toBe(1);
    expect((await counts(people.assistantUser)).get('checksToday')).toBe(1);
    expect((await counts(people.leaderUser)).get('warningsActive')).toBe(2);
    expect((await counts(people.clerkUser)).get('draftsToPublish')).toBe(0);
  });

  it('a list of another role is empty, never someone else’s rows', async () => {
    const list = await h.ok(people.studentUser, 'duties', 'workbenchList', { key: 'noticesUnsigned' });
    expect(list.rows).toEqual([]);
  });

  it('9. staff are asked consent for the messages their role receives; a refused send shows to whoever sent it or was to get it', async () => {
    const saved = process.env.WX_TMPL_DUTY_DUE_SOON;
    process.env.WX_TMPL_DUTY_DUE_SOON = 'tmpl-duty-due';
    try {
      expect((await h.ok(people.counselorUser, 'duties', 'workbench', {})).subscribe).toContain('tmpl-duty-due');
      expect((await h.ok(people.studentUser, 'duties', 'workbench', {})).subscribe).not.toContain('tmpl-duty-due');
    } finally {
      if (saved === undefined) delete process.env.WX_TMPL_DUTY_DUE_SOON;
      else process.env.WX_TMPL_DUTY_DUE_SOON = saved;
    }
    const base = {
      kind: 'meetingScheduled' as const,
      toOpenid: 'x',
      page: 'pages/inbox/index',
      data: {},
      attempts: 1,
      sendAfter: '2026-12-01T10:00:00.000+08:00',
      subjectId: 'm-x',
    };
    await h.store.add(
      'outbox',
      { ...base, _id: 'msg:test:refused-to-student', toUserId: people.studentUser, status: 'refused' },
      { by: people.counselorUser, at: '2026-12-01T10:00:00.000+08:00' },
    );
    await h.store.add(
      'outbox',
      {
        ...base,
        _id: 'msg:test:refused-to-counselor',
        kind: 'dutyDueSoon',
        toUserId: people.counselorUser,
        status: 'refused',
      },
      { by: 'system:duty-reminders', at: '2026-12-01T10:00:00.000+08:00' },
    );
    await h.store.add(
      'outbox',
      { ...base, _id: 'msg:test:sent', toUserId: people.studentUser, status: 'sent' },
      { by: people.counselorUser, at: '2026-12-01T10:00:00.000+08:00' },
    );
    const list = await h.ok(people.counselorUser, 'duties', 'workbenchList', { key: 'messagesUndelivered' });
    expect(list.rows.map((r) => r.id).sort()).toEqual(['msg:test:refused-to-counselor', 'msg:test:refused-to-student']);
    expect(list.rows.map((r) => r.title).sort()).toEqual(
      [messages.templates.dutyDueSoon.title, messages.templates.meetingScheduled.title].sort(),
    );
    expect(
      (await h.ok(people.headTeacherUser, 'duties', 'workbenchList', { key: 'messagesUndelivered' })).rows,
    ).toEqual([]);
  });
});
