import { expect } from '@jest/globals';
import { z } from 'zod';
import { toIso } from '../../../cloudfunctions/core/time/shanghai';
import { queueDutyReminders } from '../../../cloudfunctions/application/duties/reminders-job';
import { rebuildDutyDigests } from '../../../cloudfunctions/application/digests/rebuild-duty-digests';
import { functions } from '../../../cloudfunctions/registry';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { countingStore } from '../../support/checkins-counting-store';
import { northOf, placeNamed, sentFrom } from '../../support/checkins-factories';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import type { TwoClasses } from '../../support/build/two-classes';
import { bulkTalks, seedCounselorOfThree } from '../../support/build/duties';

describe('duties function', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  const classesOf = (counselorId: string) =>
    people.built.classes
      .filter((c) => c.counselorId === counselorId)
      .map((c) => c._id)
      .sort();

  beforeEach(async () => {
    h = await openEmptyHarness('2026-11-23T09:00:00+08:00');
    // Four classes; 周辅导 counsels three of them (seedCounselorOfThree).
    people = await seedCounselorOfThree(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterEach(async () => h.close());

  it("a counselor's week: one class check per class due; a class check turns that class's item done with the record", async () => {
    const before = await h.ok(people.counselorUser, 'duties', 'myDuties', { scope: 'week' });
    const checks = before.items.filter((i) => i.ruleId === 'counselor-class-check-weekly');
    expect(checks.map((i) => i.unit.id).sort()).toEqual(classesOf(people.counselorUser));
    expect(checks).toHaveLength(3);
    expect(
      checks.every(
        (i) => i.status === 'due' && i.window.start.startsWith('2026-11-23') && i.window.lastDay === '2026-11-29',
      ),
    ).toBe(true);
    // The week view leaves out semester quotas that are not due this week.
    expect(before.items.some((i) => i.period === 'semester')).toBe(false);
    expect(before.semesterId).toBe('2026-2027-1');

    const place = placeNamed('博学楼');
    const receipt = await h.ok(people.counselorUser, 'checkins', 'classCheck', {
      ...sentFrom(h.clock, { location: northOf(place, 10) }),
      classId: people.firstClass._id,
      placeId: place.id,
      course: '有机化学',
    });
    const after = await h.ok(people.counselorUser, 'duties', 'myDuties', { scope: 'week' });
    const item = after.items.find(
      (i) => i.ruleId === 'counselor-class-check-weekly' && i.unit.id === people.firstClass._id,
    );
    expect(item).toMatchObject({ status: 'done', progress: 1, recordIds: [receipt.recordId], kinds: ['classCheck'] });
    expect(after.tally.done).toBe(before.tally.done + 1);

    const semester = await h.ok(people.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
    expect(semester.items.length).toBeGreaterThan(after.items.length);
    // Eleven weeks of the semester have passed without class checks: those are overdue.
    expect(semester.overdue.filter((i) => i.ruleId === 'counselor-class-check-weekly')).toHaveLength(11 * 3);
    expect(semester.next).not.toBeNull();
  });

  it("an assistant's face-to-face talk of 30 minutes counts for that student, 20 minutes does not", async () => {
    await h.ok(people.assistantUser, 'checkins', 'talk', {
      ...sentFrom(h.clock),
      studentId: people.student._id,
      mode: 'faceToFace',
      minutes: 30,
    });
    await h.ok(people.assistantUser, 'checkins', 'talk', {
      ...sentFrom(h.clock),
      studentId: people.classmate._id,
      mode: 'faceToFace',
      minutes: 20,
    });
    const mine = await h.ok(people.assistantUser, 'duties', 'myDuties', { scope: 'semester' });
    const talk = (studentId: string) =>
      mine.items.find((i) => i.ruleId === 'assistant-talk-each-student-yearly' && i.unit.id === studentId);
    expect(talk(people.student._id)?.status).toBe('done');
    expect(talk(people.classmate._id)?.status).toBe('due');
    expect(talk(people.student._id)?.unit.label).toContain(people.student.name);
  });

  it('a counselor sees only their classes; a leader the college; students, parents and assistants are denied', async () => {
    const mine = await h.ok(people.counselorUser, 'duties', 'classCompliance', {});
    expect(mine.scope).toBe('classes');
    expect(mine.rows.map((r) => r.id).sort()).toEqual(classesOf(people.counselorUser));
    const leader = await h.ok(people.leaderUser, 'duties', 'classCompliance', { sort: 'name' });
    expect(leader.scope).toBe('college');
    expect(leader.rows).toHaveLength(4);
    const staff = await h.ok(people.counselorUser, 'duties', 'staffCompliance', {});
    const served = new Set(
      people.built.classes
        .filter((c) => c.counselorId === people.counselorUser)
        .flatMap((c) => [c.counselorId, c.headTeacherId, c.assistantId]),
    );
    expect(staff.rows.every((r) => served.has(r.id))).toBe(true);
    for (const user of [people.studentUser, people.parentUser, people.assistantUser]) {
      expect(await h.callAs(user, 'duties', 'classCompliance', {})).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
      expect(await h.callAs(user, 'duties', 'staffCompliance', {})).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    }
    expect(await h.callAs(people.studentUser, 'duties', 'myDuties', {})).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    // Drill-down outside one's classes is denied, inside it lists the records.
    expect(
      await h.callAs(people.counselorUser, 'duties', 'complianceDetail', { classId: people.otherClass._id }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.counselorUser, 'duties', 'complianceDetail', { personId: people.otherCounselorUser }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  });

  it("the leader's dashboard counts an assistant's dorm check and drills down to it", async () => {
    const cls = people.firstClass;
    const dorm = people.built.dorms.find((d) => d.classIds.includes(cls._id));
    if (!dorm) throw new Error('no dorm');
    const residents = people.built.students
      .filter((s) => s.dormId === dorm._id)
      .map((s) => ({ studentId: s._id, status: 'present' as const }));
    const receipt = await h.ok(people.assistantUser, 'checkins', 'dormCheck', {
      ...sentFrom(h.clock, { location: northOf(placeNamed(dorm.building), 700) }),
      classId: cls._id,
      dormId: dorm._id,
      hygieneScore: 88,
      residents,
    });
    const staff = await h.ok(people.leaderUser, 'duties', 'staffCompliance', { sort: 'worst' });
    expect(staff.rows.find((r) => r.id === people.assistantUser)).toMatchObject({ records: 1, note: '学业助理' });
    const classes = await h.ok(people.leaderUser, 'duties', 'classCompliance', {});
    expect(classes.rows.find((r) => r.id === cls._id)?.records).toBe(1);
    const detail = await h.ok(people.leaderUser, 'duties', 'complianceDetail', { personId: people.assistantUser });
    expect(detail.records).toEqual([
      expect.objectContaining({ recordId: receipt.recordId, kind: 'dormCheck', flags: ['outsideRadius'] }),
    ]);
    const byClass = await h.ok(people.counselorUser, 'duties', 'complianceDetail', { classId: cls._id });
    expect(byClass.records.map((r) => r.recordId)).toContain(receipt.recordId);
    expect(byClass.items.every((i) => i.unit.classIds.includes(cls._id))).toBe(true);
    // Sorted worst first: percentages never go up.
    const percents = staff.rows.map((r) => r.percent).filter((p): p is number => p !== null);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it("the leader's dashboard takes the same number of store round trips (at most 10) with 10 or 1,500 records", async () => {
    // A fresh wrapper per call is a cold instance: every record is read from the store.
    const coldCall = async () => {
      const counted = countingStore(h.store);
      const fn = functions.duties;
      if (!fn) throw new Error('duties is not registered');
      const answer = await fn.dispatch(
        { action: 'staffCompliance', input: {} },
        { store: counted.store, clock: h.clock, files: h.files, openid: DEMO_OPENID_PREFIX + people.leaderUser },
      );
      expect(answer).toMatchObject({ ok: true });
      return counted.trips;
    };
    for (let i = 0; i < 10; i += 1) {
      await h.ok(people.counselorUser, 'checkins', 'meeting', {
        ...sentFrom(h.clock),
        kind: 'classMeeting',
        classId: people.firstClass._id,
        title: `班会 ${i}`,
        summary: '纪要',
      });
    }
    const small = await coldCall();
    // Added straight to the store (as an import would), so their digests are built as an import's are.
    await h.store.addMany('dutyRecords', bulkTalks(people, 1490), { by: 'test', at: toIso(h.clock.now()) });
    await rebuildDutyDigests(h.store, { write: true, ctx: { by: 'test', at: toIso(h.clock.now()) } });
    const large = await coldCall();
    // Issue 14: the board reads the class × month digests, never the records: nothing grows, nothing is read per person or class.
    expect(large.byCollection.get('dutyRecords')).toBeUndefined();
    expect(large.byCollection.get('dutyDigests')).toBe(1);
    expect(large.query + large.get).toBe(small.query + small.get);
    expect(small.query + small.get).toBeLessThanOrEqual(10);
  });

  it('a later call sees a record filed offline an hour ago and arriving now, and misses none', async () => {
    const counted = countingStore(h.store);
    const fn = functions.duties;
    if (!fn) throw new Error('duties is not registered');
    const board = async () => {
      counted.reset();
      const answer = await fn.dispatch(
        { action: 'staffCompliance', input: {} },
        { store: counted.store, clock: h.clock, files: h.files, openid: DEMO_OPENID_PREFIX + people.leaderUser },
      );
      if (!answer.ok) throw new Error(answer.message);
      return z.object({ rows: z.array(z.object({ id: z.string(), records: z.number() })) }).parse(answer.data);
    };
    await h.store.addMany('dutyRecords', bulkTalks(people, 2500), { by: 'test', at: toIso(h.clock.now()) });
    await rebuildDutyDigests(h.store, { write: true, ctx: { by: 'test', at: toIso(h.clock.now()) } });
    const cold = await board();
    // Issue 14: digests, one page, instead of three pages of records.
    expect(counted.trips.byCollection.get('dutyRecords')).toBeUndefined();
    expect(counted.trips.byCollection.get('dutyDigests')).toBe(1);
    expect(cold.rows.find((r) => r.id === people.counselorUser)?.records).toBe(2500);
    h.clock.advance(60_000);
    // Filed offline an hour ago, arriving now: found by its arrival, counted by its time.
    await h.ok(people.assistantUser, 'checkins', 'talk', {
      ...sentFrom(h.clock, { queuedMs: 3_600_000 }),
      studentId: people.student._id,
      mode: 'faceToFace',
      minutes: 40,
    });
    const warm = await board();
    // The talk's digest was updated in the talk's transaction: the next read has it.
    expect(counted.trips.byCollection.get('dutyDigests')).toBe(1);
    expect(warm.rows.find((r) => r.id === people.assistantUser)?.records).toBe(1);
    expect(warm.rows.find((r) => r.id === people.counselorUser)?.records).toBe(2500);
  });

  it('reminders: one dutyDueSoon message per person, duty and window, however often the job runs', async () => {
    h.clock.set('2026-11-28T10:00:00+08:00'); // Saturday: weekly class checks close tomorrow night
    const first = await queueDutyReminders(h.store, h.clock);
    expect(first.queued).toBeGreaterThan(0);
    const again = await queueDutyReminders(h.store, h.clock);
    expect(again.queued).toBe(0);
    const outbox = await h.store.query('outbox', { where: { kind: 'dutyDueSoon' }, limit: 1000 });
    expect(outbox).toHaveLength(first.queued);
    const counselorWeekly = outbox.filter(
      (m) => m.toUserId === people.counselorUser && m._id.includes('counselor-class-check-weekly'),
    );
    // Three classes' checks closing on the same Sunday are one message.
    expect(counselorWeekly).toHaveLength(1);
    expect(counselorWeekly[0]).toMatchObject({
      status: 'pending',
      page: 'packages/staff/duties/index',
      data: expect.objectContaining({ deadline: '2026-11-29', remaining: '3' }),
    });
  });
});
