import { join } from 'node:path';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { storeAsIs } from '../../support/stored-as-is';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';

/** The clerk keeps the school calendar in the app; every function reads it. */
describe('campus calendar', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeEach(async () => {
    h = await openEmptyHarness('2026-11-25T10:00:00+08:00');
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterEach(() => h.close());

  it('shows last, this and next school year, dated by the rule until the clerk sets them', async () => {
    const view = await h.ok(p.counselorUser, 'campus', 'calendar', {});
    expect(view).toMatchObject({ today: '2026-11-25', currentSemesterId: '2026-2027-1', inBreak: false });
    expect(view.schoolYears.map((y) => y.id)).toEqual(['2025-2026', '2026-2027', '2027-2028']);
    const current = view.schoolYears[1]?.semesters[0];
    expect(current).toMatchObject({
      semesterId: '2026-2027-1',
      start: '2026-09-07',
      end: '2027-01-17',
      weeks: 19,
      source: 'rule',
      current: true,
    });
    expect(view.ruleText).toContain('第一学期自9月5日（含）后的第一个星期一起，共 19 周');
  });

  it('the clerk sets a semester: stored with who and when, the same dates again change nothing, the duty views follow', async () => {
    const input = { semesterId: '2026-2027-1', start: '2026-09-14', end: '2027-01-24' };
    const view = await h.ok(p.clerkUser, 'campus', 'setSemester', input);
    expect(view.schoolYears[1]?.semesters[0]).toMatchObject({
      start: '2026-09-14',
      end: '2027-01-24',
      weeks: 19,
      source: 'set',
      setByName: '张秘书',
      setAt: '2026-11-25T10:00:00.000+08:00',
    });
    const stored = await h.store.get('semesterDates', '2026-2027-1');
    expect(stored).toMatchObject({
      start: '2026-09-14',
      end: '2027-01-24',
      updatedBy: p.clerkUser,
      history: [{ start: '2026-09-14', end: '2027-01-24', by: p.clerkUser, at: '2026-11-25T10:00:00.000+08:00' }],
    });

    h.clock.advance(3_600_000);
    await h.ok(p.clerkUser, 'campus', 'setSemester', input);
    expect((await h.store.get('semesterDates', '2026-2027-1'))?._version).toBe(1);
    await h.ok(p.clerkUser, 'campus', 'setSemester', { ...input, end: '2027-01-17' });
    expect((await h.store.get('semesterDates', '2026-2027-1'))?.history).toHaveLength(2);

    // The weekly class checks now start on the clerk's first Monday.
    const semester = await h.ok(p.counselorUser, 'duties', 'myDuties', { scope: 'semester' });
    const checks = semester.items
      .filter((i) => i.ruleId === 'counselor-class-check-weekly')
      .map((i) => i.window.start.slice(0, 10))
      .sort();
    expect(checks[0]).toBe('2026-09-14');
  });

  it('refuses implausible dates with the field and a Chinese message, and writes nothing', async () => {
    const bad = await h.callAs(p.clerkUser, 'campus', 'setSemester', {
      semesterId: '2026-2027-1',
      start: '2026-09-21',
      end: '2027-02-28',
    });
    expect(bad).toMatchObject({ ok: false, code: 'CALENDAR.DATES_INVALID', field: 'end' });
    expect(bad.ok ? '' : bad.message).toContain('与下一学期（2026-2027-2，2027年2月22日开始）重叠');
    const backwards = await h.callAs(p.clerkUser, 'campus', 'setSemester', {
      semesterId: '2026-2027-1',
      start: '2027-01-17',
      end: '2026-09-07',
    });
    expect(backwards).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'end',
      message: '结束日期应晚于开始日期',
    });
    const noDate = await h.callAs(p.clerkUser, 'campus', 'setSemester', {
      semesterId: '2026-2027-1',
      start: '2026-02-30',
      end: '2027-01-17',
    });
    expect(noDate).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'start' });
    expect(await h.store.count('semesterDates')).toBe(0);
  });

  it('only the clerk sets dates; students and parents do not read the calendar', async () => {
    const input = { semesterId: '2026-2027-2', start: '2027-03-01', end: '2027-07-11' };
    for (const user of [p.counselorUser, p.headTeacherUser, p.leaderUser, p.studentUser, p.parentUser]) {
      expect(await h.callAs(user, 'campus', 'setSemester', input)).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    }
    for (const user of [p.studentUser, p.parentUser])
      expect(await h.callAs(user, 'campus', 'calendar', {})).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(await h.store.count('semesterDates')).toBe(0);
  });

  it('a stored semester that no longer parses is skipped: its semester falls back to the rule', async () => {
    // The store refuses such a document now, so it is changed past the schema as an old version might have left it.
    await h.store.add(
      'semesterDates',
      {
        _id: '2026-2027-1',
        start: '2026-09-14',
        end: '2027-01-24',
        history: [{ start: '2026-09-14', end: '2027-01-24', by: p.clerkUser, at: '2026-11-25T10:00:00.000+08:00' }],
      },
      { by: 'test', at: '2026-11-25T10:00:00.000+08:00' },
    );
    await storeAsIs(join(h.dir, 'test.sqlite'), 'semesterDates', '2026-2027-1', { start: '2026-13-01', history: [] });
    const view = await h.ok(p.counselorUser, 'campus', 'calendar', {});
    expect(view.schoolYears[1]?.semesters[0]).toMatchObject({ start: '2026-09-07', source: 'rule' });
    expect((await h.ok(p.counselorUser, 'duties', 'myDuties', { scope: 'week' })).semesterId).toBe('2026-2027-1');
  });
});
