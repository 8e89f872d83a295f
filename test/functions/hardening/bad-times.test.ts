import { queueDutyReminders } from '../../../cloudfunctions/application/duties/reminders-job';
import { rebuildDutyDigests } from '../../../cloudfunctions/application/digests/rebuild-duty-digests';
import { isoTime } from '../../../types/fields';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { sentFrom } from '../../support/checkins-factories';
import { seedSecondCollege, type SecondCollege } from '../../support/second-college';
import { publishWarning, talkInput } from '../../support/support-factories';

/** Defect 1: impossible times are refused at the door, and one stored anyway blocks nothing. */
describe('times: strict parsing, and readers that survive a bad stored time', () => {
  it.each([
    '2026-11-23T09:00:00+99:99',
    '2026-11-23T09:00:00-23:99',
    '2026-11-23T09:00:00+24:00',
    '2026-11-23T09:00:00-13:00',
    '0000-01-01T00:00:00Z',
    '1899-12-31T23:00:00+08:00',
    '2100-01-02T00:00:00+08:00',
    '2026-02-30T09:00:00+08:00',
    'Invalid Date',
  ])('isoTime refuses %s with a Chinese message', (text) => {
    const result = isoTime.safeParse(text);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toMatch(/时间/);
  });

  it.each([
    '2026-11-23T09:00:00+08:00',
    '2026-11-23T01:00:00.123Z',
    '2026-11-23T09:00:00+14:00',
    '2026-11-23T09:00:00-12:00',
    '2026-11-23T09:30:00+05:45',
  ])('isoTime accepts %s', (text) => {
    expect(isoTime.safeParse(text).success).toBe(true);
  });

  describe('through the functions', () => {
    let h: EmptyHarness;
    let p: TwoClasses;
    let k: SecondCollege;
    beforeAll(async () => {
      h = await openEmptyHarness('2026-11-28T10:00:00+08:00');
      p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
      k = await seedSecondCollege(h.store, '2026-09-01T08:00:00+08:00');
    });
    afterAll(() => h.close());

    it('a check-in, a meeting, a reply and a talk with an impossible time are refused, nothing written', async () => {
      const before = await h.store.count('dutyRecords');
      const checkin = await h.callAs(p.assistantUser, 'checkins', 'talk', {
        ...sentFrom(h.clock),
        deviceAt: '2026-11-28T10:00:00+99:99',
        studentId: p.student._id,
        mode: 'faceToFace',
        minutes: 30,
      });
      expect(checkin).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'deviceAt' });
      expect(await h.store.count('dutyRecords')).toBe(before);
      const meeting = await h.callAs(p.counselorUser, 'support', 'scheduleMeeting', {
        kind: 'talk',
        title: '约谈',
        classId: p.firstClass._id,
        studentIds: [p.student._id],
        startAt: '2026-12-01T10:00:00+24:00',
        place: '办公室',
      });
      expect(meeting).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'startAt' });
      const reply = await h.callAs(p.studentUser, 'support', 'respondMeeting', {
        meetingId: 'm-x',
        answer: 'reschedule',
        proposedAt: '0000-12-01T10:00:00+08:00',
      });
      expect(reply).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'proposedAt' });
      const talk = await h.callAs(
        p.counselorUser,
        'support',
        'recordTalk',
        talkInput(p.student._id, { at: '2026-11-27T10:00:00-23:99' }),
      );
      expect(talk).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'at' });
    });

    it('per field: a meeting starts within a year, a proposed new time lies ahead and within half a year', async () => {
      const far = await h.callAs(p.counselorUser, 'support', 'scheduleMeeting', {
        kind: 'talk',
        title: '约谈',
        classId: p.firstClass._id,
        studentIds: [p.student._id],
        startAt: '2099-12-01T10:00:00+08:00',
        place: '办公室',
      });
      expect(far).toMatchObject({ ok: false, code: 'MEETING.TOO_FAR', field: 'startAt' });
      const m = await h.ok(p.counselorUser, 'support', 'scheduleMeeting', {
        kind: 'talk',
        title: '约谈',
        classId: p.firstClass._id,
        studentIds: [p.student._id],
        startAt: '2026-12-01T10:00:00+08:00',
        place: '办公室',
      });
      const moved = await h.callAs(p.counselorUser, 'support', 'rescheduleMeeting', {
        meetingId: m._id,
        startAt: '2031-01-01T10:00:00+08:00',
      });
      expect(moved).toMatchObject({ ok: false, code: 'MEETING.TOO_FAR', field: 'startAt' });
      for (const proposedAt of ['2026-11-01T10:00:00+08:00', '2040-01-01T10:00:00+08:00']) {
        const reply = await h.callAs(p.studentUser, 'support', 'respondMeeting', {
          meetingId: m._id,
          answer: 'reschedule',
          proposedAt,
        });
        expect(reply).toMatchObject({ ok: false, code: 'MEETING.PROPOSED_TIME', field: 'proposedAt' });
      }
      expect(
        (
          await h.callAs(p.studentUser, 'support', 'respondMeeting', {
            meetingId: m._id,
            answer: 'reschedule',
            proposedAt: '2026-12-02T10:00:00+08:00',
          })
        ).ok,
      ).toBe(true);
    });

    it('one stored check-in with at "Invalid Date" blocks neither the duty views, the case view nor the reminder job', async () => {
      await publishWarning(h.store, p.student);
      const good = await h.ok(p.assistantUser, 'checkins', 'talk', {
        ...sentFrom(h.clock),
        studentId: p.student._id,
        mode: 'faceToFace',
        minutes: 30,
      });
      // Issue 11: talks are talk records now; a themed activity is the check-in corrupted here.
      const bad = await h.ok(p.assistantUser, 'checkins', 'themedActivity', {
        ...sentFrom(h.clock),
        classId: p.firstClass._id,
        theme: '学习经验分享',
        participants: 20,
        minutes: 40,
      });
      const row = await h.store.get('dutyRecords', bad.recordId);
      if (!row) throw new Error('check-in not stored');
      await h.store.update('dutyRecords', bad.recordId, { at: 'Invalid Date' }, row._version, {
        by: 'test:corrupt',
        at: good.at,
      });
      const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);

      const mine = await h.callAs(p.assistantUser, 'duties', 'myDuties', { scope: 'semester' });
      expect(mine.ok).toBe(true);
      const board = await h.callAs(p.counselorUser, 'duties', 'classCompliance', {});
      expect(board.ok).toBe(true);
      const leader = await h.callAs(p.leaderUser, 'duties', 'staffCompliance', {});
      expect(leader.ok).toBe(true);
      if (leader.ok) expect(leader.data.rows.find((r) => r.id === p.assistantUser)?.records).toBeGreaterThanOrEqual(1);
      const detail = await h.callAs(p.leaderUser, 'duties', 'complianceDetail', { personId: p.assistantUser });
      expect(detail.ok).toBe(true);
      if (detail.ok) {
        expect(detail.data.records.map((r) => r.recordId)).toContain(good.recordId);
        expect(detail.data.records.map((r) => r.recordId)).not.toContain(bad.recordId);
      }
      const caseView = await h.callAs(p.counselorUser, 'support', 'caseView', { studentId: p.student._id });
      expect(caseView.ok).toBe(true);
      const caseload = await h.callAs(p.counselorUser, 'support', 'caseload', {});
      expect(caseload.ok).toBe(true);

      const run = await queueDutyReminders(h.store, h.clock);
      expect(run).toMatchObject({ colleges: 2, failedColleges: [] });
      // The job reads the digests, as the boards do: the check-in counts as it was written, and
      // the digests' proof finds the record that changed under them.
      expect((await rebuildDutyDigests(h.store, { write: false })).mismatched).toHaveLength(1);
      const outbox = await h.store.query('outbox', { where: { kind: 'dutyDueSoon' }, limit: 1000 });
      // The other college's staff still get their reminders.
      expect(outbox.some((m) => m.toUserId === k.people.counselorUser)).toBe(true);
      expect(outbox.some((m) => m.toUserId === p.counselorUser)).toBe(true);
      // Reported (once per instance) in the function log, naming the record.
      expect(log.mock.calls.filter(([line]) => String(line).includes(`dutyRecords/${bad.recordId}`))).toHaveLength(1);
      log.mockRestore();
    });
  });
});
