import { expect } from '@jest/globals';
import type { ComplianceRow } from '../../../types/api/duties';
import { queueDutyReminders } from '../../../cloudfunctions/application/duties/reminders-job';
import { keepCollegeSummary } from '../../../cloudfunctions/application/duties/college-summaries';
import { northOf, placeNamed, sentFrom } from '../../support/checkins-factories';
import { openEmptyHarness, suiteDates, type EmptyHarness } from '../../support/harness';
import { collegeBuilder } from '../../support/build/college';
import { buildCtx, seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';

const AT = '2026-09-01T08:00:00.000+08:00';

/** The college's total, computed here from its leader's per-person rows (each duty item is one person's). */
function totalOf(rows: readonly ComplianceRow[]) {
  const sum = (k: 'total' | 'done' | 'due' | 'overdue' | 'lateDone') => rows.reduce((n, r) => n + r[k], 0);
  const [total, done, due, overdue, lateDone] = [
    sum('total'),
    sum('done'),
    sum('due'),
    sum('overdue'),
    sum('lateDone'),
  ];
  const settled = done + lateDone + overdue;
  return {
    total,
    done,
    due,
    overdue,
    lateDone,
    percent: settled === 0 ? null : Math.round((done / settled) * 1000) / 10,
  };
}

/**
 * Issue 14: the 学工部 school view — every college's duty compliance as its own leader's board
 * counts it, from one summary per college kept by the hourly pass (or a refresh on request).
 */
describe('duties: the school view (学工部)', () => {
  let h: EmptyHarness;
  let life: TwoClasses;

  beforeEach(async () => {
    h = await openEmptyHarness('2026-11-23T09:00:00+08:00');
    life = await seedTwoClasses(h.store, AT, (b) => void b.studentAffairs('t-affairs', '学工部'));
    const chem = collegeBuilder({ id: 'chem', name: '化学化工学院', departments: { chem: '化学系' } });
    const cls = chem.class({
      id: 'c2025-chem-1',
      name: '化学251班',
      departmentId: 'chem',
      cohort: 2025,
      counselor: chem.person('t-chem-counselor', '陈辅导'),
      headTeacher: chem.person('t-chem-head', '林班主'),
    });
    chem.student(cls, { id: '2025411001', name: '黄一帆' });
    chem.leader('t-chem-leader', '何院长');
    await chem.save(h.store, buildCtx(AT));
  });
  afterEach(async () => h.close());

  it('shows each college as not yet counted, then as its own leader counts it after the hourly pass', async () => {
    const before = await h.ok('t-affairs', 'duties', 'schoolCompliance', { sort: 'name' });
    expect(before.rows.map((r) => [r.id, r.note, r.asOf])).toEqual(
      expect.arrayContaining([
        ['life', '尚未统计', null],
        ['chem', '尚未统计', null],
      ]),
    );
    expect(before.semesterId).toBe('2026-2027-1');

    await queueDutyReminders(h.store, h.clock);
    const school = await h.ok('t-affairs', 'duties', 'schoolCompliance', { sort: 'name' });
    expect(school.rows.map((r) => r.id).sort()).toEqual(['chem', 'life']);
    for (const [collegeId, leader] of [
      ['life', life.leaderUser],
      ['chem', 't-chem-leader'],
    ] as const) {
      const row = school.rows.find((r) => r.id === collegeId);
      const people = await h.ok(leader, 'duties', 'staffCompliance', { sort: 'name' });
      const classes = await h.ok(leader, 'duties', 'classCompliance', { sort: 'name' });
      expect(row).toMatchObject({ ...totalOf(people.rows), asOf: school.now });
      expect(row?.records).toBe(classes.rows.reduce((n, r) => n + r.records, 0));
      expect(row?.note).toBe(`${classes.rows.length} 个班级 · ${people.rows.length} 位教师`);
      const detail = await h.ok('t-affairs', 'duties', 'collegeCompliance', { collegeId, sort: 'name' });
      expect(detail.classes).toEqual(classes.rows);
      expect(detail.row).toEqual(row);
    }
    expect(school.rows.find((r) => r.id === 'life')?.total).toBeGreaterThan(0);
  });

  it('keeps the last figures until the next pass or a refresh, which counts a new check-in and records who asked', async () => {
    await queueDutyReminders(h.store, h.clock);
    const first = await h.ok('t-affairs', 'duties', 'collegeCompliance', { collegeId: 'life', sort: 'worst' });
    const place = placeNamed('博学楼');
    await h.ok(life.counselorUser, 'checkins', 'classCheck', {
      ...sentFrom(h.clock, { location: northOf(place, 10) }),
      classId: life.firstClass._id,
      placeId: place.id,
      course: '有机化学',
    });
    const unchanged = await h.ok('t-affairs', 'duties', 'collegeCompliance', { collegeId: 'life', sort: 'worst' });
    expect(unchanged.row).toEqual(first.row);

    const refreshed = await h.ok('t-affairs', 'duties', 'refreshCollegeCompliance', { collegeId: 'life' });
    expect(refreshed.row.done).toBe(first.row.done + 1);
    expect(refreshed.row.due).toBe(first.row.due - 1);
    expect(refreshed.row.records).toBe(first.row.records + 1);
    const stored = await h.store.get('collegeDutySummaries', 'life|2026-2027-1');
    expect(stored?.updatedBy).toBe('t-affairs');
    expect((await h.ok('t-affairs', 'duties', 'schoolCompliance', { sort: 'worst' })).rows).toContainEqual(
      refreshed.row,
    );
  });

  it('never lets an older evaluation replace a newer one', async () => {
    await queueDutyReminders(h.store, h.clock);
    const kept = await h.store.get('collegeDutySummaries', 'life|2026-2027-1');
    if (!kept) throw new Error('no summary');
    const older = {
      collegeId: kept.collegeId,
      semesterId: kept.semesterId,
      asOf: '2026-11-22T09:00:00.000+08:00',
      row: { ...kept.row, done: 999 },
      classes: kept.classes,
      people: kept.people,
    };
    await keepCollegeSummary(h.store, older, buildCtx(AT));
    expect(await h.store.get('collegeDutySummaries', 'life|2026-2027-1')).toEqual(kept);
  });

  it('is the school’s only: a college leader, a counselor are denied; an unknown college is not found', async () => {
    await queueDutyReminders(h.store, h.clock);
    for (const who of [life.leaderUser, life.counselorUser, 't-chem-leader'])
      for (const [action, input] of [
        ['schoolCompliance', {}],
        ['collegeCompliance', { collegeId: 'life' }],
        ['refreshCollegeCompliance', { collegeId: 'chem' }],
      ] as const) {
        const answer = await h.callAs(who, 'duties', action, input);
        expect(answer).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
      }
    expect(await h.callAs('t-affairs', 'duties', 'collegeCompliance', { collegeId: 'nowhere' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await h.callAs('t-affairs', 'duties', 'refreshCollegeCompliance', { collegeId: '' })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'collegeId',
    });
  });

  describe.each(suiteDates)('at %s', (_, at) => {
    it('the pass and the school view agree on the semester shown (term-time, a break, a later year)', async () => {
      const later = await openEmptyHarness(at);
      try {
        await seedTwoClasses(later.store, AT, (b) => void b.studentAffairs('t-affairs', '学工部'));
        await queueDutyReminders(later.store, later.clock);
        const school = await later.ok('t-affairs', 'duties', 'schoolCompliance', { sort: 'worst' });
        expect(school.rows).toEqual([expect.objectContaining({ id: 'life', asOf: school.now })]);
        const board = await later.ok('t-leader', 'duties', 'classCompliance', { sort: 'worst' });
        expect(board.semesterId).toBe(school.semesterId);
      } finally {
        await later.close();
      }
    });
  });
});
