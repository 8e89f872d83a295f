import { expect, jest } from '@jest/globals';
import { z } from 'zod';
import { unpackEntries } from '../../../cloudfunctions/core/compliance/duty-digest';
import { rebuildDutyDigests } from '../../../cloudfunctions/application/digests/rebuild-duty-digests';
import { migrateQuickTalks } from '../../../cloudfunctions/checkins/migrate-quick-talks';
import { classRows, personRows } from '../../../cloudfunctions/core/compliance/views';
import { complianceScopeOf } from '../../../cloudfunctions/core/access/compliance-scope';
import { evaluateScope } from '../../../cloudfunctions/application/duty-data/evaluate-scope';
import { toIso } from '../../../cloudfunctions/core/time/shanghai';
import { functions } from '../../../cloudfunctions/registry';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { countingStore } from '../../support/checkins-counting-store';
import { northOf, placeNamed, sentFrom } from '../../support/checkins-factories';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';

const Row = z.object({
  id: z.string(),
  total: z.number(),
  done: z.number(),
  due: z.number(),
  overdue: z.number(),
  lateDone: z.number(),
  percent: z.number().nullable(),
  records: z.number(),
});
const Board = z.object({ rows: z.array(Row) });
type Figures = {
  id: string;
  total: number;
  done: number;
  due: number;
  overdue: number;
  lateDone: number;
  percent: number | null;
  records: number;
};
const figures = (rows: readonly Figures[]) =>
  rows
    .map(({ id, total, done, due, overdue, lateDone, percent, records }) => ({
      id,
      total,
      done,
      due,
      overdue,
      lateDone,
      percent,
      records,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

describe('duty digests (issue 14 item 5)', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeEach(async () => {
    h = await openEmptyHarness('2026-11-23T09:00:00+08:00');
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterEach(async () => h.close());

  const board = async (action: 'classCompliance' | 'staffCompliance', store = h.store) => {
    const fn = functions.duties;
    if (!fn) throw new Error('duties is not registered');
    const answer = await fn.dispatch(
      { action, input: {} },
      { store, clock: h.clock, files: h.files, openid: DEMO_OPENID_PREFIX + people.leaderUser },
    );
    if (!answer.ok) throw new Error(answer.message);
    return Board.parse(answer.data).rows;
  };

  /** The same figures straight from the records and casework (the pre-digest path), rows per class and per person. */
  const fromRecords = async () => {
    const leader = people.built.user(people.leaderUser);
    const { scope } = complianceScopeOf({
      userId: leader._id,
      name: leader.name,
      grants: leader.grants,
      openid: leader.openid,
    });
    const e = await evaluateScope(h.store, scope, h.clock.now().getTime(), undefined, 'records');
    const inSemester = e.records.filter(
      (r) =>
        Date.parse(r.at) >= e.term.semesterSpan.start &&
        Date.parse(r.at) < Math.max(e.term.semesterSpan.end, e.now + 1),
    );
    const count = (key: (r: (typeof inSemester)[number]) => string) =>
      inSemester.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>());
    return {
      classes: classRows(
        e.evaluations,
        e.directory.classes.map((c) => ({ id: c._id, name: c.name, note: '' })),
        count((r) => r.classId),
      ),
      people: personRows(
        e.evaluations,
        new Map(),
        count((r) => r.actorId),
      ),
    };
  };

  async function someWork() {
    const place = placeNamed('博学楼');
    await h.ok(people.counselorUser, 'checkins', 'classCheck', {
      ...sentFrom(h.clock, { location: northOf(place, 10) }),
      classId: people.firstClass._id,
      placeId: place.id,
      course: '有机化学',
    });
    await h.ok(people.counselorUser, 'checkins', 'meeting', {
      ...sentFrom(h.clock),
      kind: 'classMeeting',
      classId: people.firstClass._id,
      title: '学习方法班会',
      topics: ['studyMethods'],
      summary: '纪要',
    });
    await h.ok(people.assistantUser, 'checkins', 'talk', {
      ...sentFrom(h.clock),
      studentId: people.student._id,
      mode: 'faceToFace',
      minutes: 35,
    });
    h.clock.advance(3 * 86_400_000);
    await h.ok(people.assistantUser, 'checkins', 'talk', {
      ...sentFrom(h.clock, { queuedMs: 3_600_000 }),
      studentId: people.classmate._id,
      mode: 'faceToFace',
      minutes: 20,
    });
    await h.ok(people.counselorUser, 'checkins', 'meeting', {
      ...sentFrom(h.clock),
      kind: 'classMeeting',
      classId: people.firstClass._id,
      title: '安全班会',
      topics: ['safety'],
      summary: '',
    });
  }

  it('the leader board from digests equals the board from the records, after writes and a removal', async () => {
    await someWork();
    // An old-style quick talk stored as a check-in: the migration removes it and adds a talk (a removal and an add in one transaction).
    const at = toIso(h.clock.now());
    const old = {
      _id: 'old-quick-1',
      kind: 'talk' as const,
      actorId: people.counselorUser,
      at,
      receivedAt: at,
      collegeId: people.firstClass.collegeId,
      classId: people.firstClass._id,
      studentId: people.student._id,
      minutes: 15,
      mode: 'faceToFace',
      documented: true,
      clientId: 'old-1',
      deviceAt: at,
      sentAt: at,
      flags: [],
      details: { form: 'talk' as const, notes: '旧记录' },
    };
    await h.store.add('dutyRecords', old, { by: 'test', at });
    await rebuildDutyDigests(h.store, { write: true, ctx: { by: 'test', at } });
    expect(await migrateQuickTalks(h.store, h.clock)).toBe(1);

    const expected = await fromRecords();
    const classes = await board('classCompliance');
    const staff = await board('staffCompliance');
    expect(figures(classes)).toEqual(figures(expected.classes));
    expect(figures(staff)).toEqual(figures(expected.people));
    // Something was counted (not two empty boards).
    expect(staff.reduce((n, r) => n + r.records, 0)).toBe(6);
    expect((await rebuildDutyDigests(h.store, { write: false })).matching).toBeGreaterThan(0);
  });

  it('a warm instance (same store) answers as a fresh one after a write, and after midnight turns a week', async () => {
    await someWork();
    const warm = countingStore(h.store);
    const fresh = async () => figures(await board('staffCompliance', countingStore(h.store).store));
    expect(figures(await board('staffCompliance', warm.store))).toEqual(await fresh());
    // A write changes one digest: the warm instance reads it (one small query) and counts it.
    await h.ok(people.assistantUser, 'checkins', 'talk', {
      ...sentFrom(h.clock),
      studentId: people.student._id,
      mode: 'faceToFace',
      minutes: 45,
    });
    warm.reset();
    const afterWrite = figures(await board('staffCompliance', warm.store));
    expect(warm.trips.byCollection.get('dutyDigests')).toBe(1);
    expect(afterWrite).toEqual(await fresh());
    expect(afterWrite.reduce((n, r) => n + r.records, 0)).toBe(6);
    // Nothing written, but the week turned (Sunday night → Monday): the weekly duties due become overdue.
    const before = afterWrite;
    h.clock.set('2026-11-30T00:00:01+08:00');
    const nextWeek = figures(await board('staffCompliance', warm.store));
    expect(nextWeek).toEqual(await fresh());
    expect(nextWeek).not.toEqual(before);
  });

  it('the rebuild proves the kept digests match, finds one that drifted, and repairs it', async () => {
    await someWork();
    const clean = await rebuildDutyDigests(h.store, { write: false });
    expect(clean).toMatchObject({ mismatched: [], missing: [], extra: [] });
    expect(clean.digests).toBeGreaterThan(0);
    expect(clean.matching).toBe(clean.digests);

    // A digest that lost a row (a write that bypassed noteDutySource) is found and rebuilt.
    const [kept] = await h.store.query('dutyDigests', { limit: 1 });
    if (!kept) throw new Error('no digest');
    await h.store.update('dutyDigests', kept._id, { entries: '[]' }, kept._version, {
      by: 'test',
      at: toIso(h.clock.now()),
    });
    const drifted = await rebuildDutyDigests(h.store, { write: false });
    expect(drifted.mismatched).toEqual([kept._id]);
    const repaired = await rebuildDutyDigests(h.store, { write: true, ctx: { by: 'test', at: toIso(h.clock.now()) } });
    expect(repaired.written).toBe(1);
    expect(await rebuildDutyDigests(h.store, { write: false })).toMatchObject({
      mismatched: [],
      missing: [],
      extra: [],
    });
  });

  it('one unreadable digest is reported and left out; the board still answers with the others', async () => {
    await someWork();
    await h.ok('t-counselor-2', 'checkins', 'meeting', {
      ...sentFrom(h.clock),
      kind: 'classMeeting',
      classId: people.otherClass._id,
      title: '学习方法班会',
      topics: ['studyMethods'],
      summary: '纪要',
    });
    const digests = await h.store.query('dutyDigests', {});
    const broken = digests.find((d) => d.classId === people.firstClass._id);
    if (!broken || digests.length < 2) throw new Error('expected digests of both classes');
    const at = toIso(h.clock.now());
    // What the board says without that digest at all.
    await h.store.remove('dutyDigests', broken._id);
    const without = figures(await board('staffCompliance', countingStore(h.store).store));
    await h.store.add('dutyDigests', { ...broken, entries: '{"v":2,"sources":[]}' }, { by: 'test', at });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const rows = figures(await board('staffCompliance', countingStore(h.store).store));
      expect(rows).toEqual(without);
      expect(rows.reduce((n, r) => n + r.records, 0)).toBeGreaterThan(0);
      expect(errors.mock.calls.some(([m]) => String(m).includes(`dutyDigests/${broken._id}`))).toBe(true);
    } finally {
      errors.mockRestore();
    }
    expect((await rebuildDutyDigests(h.store, { write: false })).mismatched).toEqual([broken._id]);
  });

  it('digests kept in the older text (one object per row) are read the same, reported outdated and rewritten', async () => {
    await someWork();
    const cold = async () => figures(await board('staffCompliance', countingStore(h.store).store));
    const current = await cold();
    const at = toIso(h.clock.now());
    const digests = await h.store.query('dutyDigests', {});
    for (const d of digests)
      await h.store.update('dutyDigests', d._id, { entries: JSON.stringify(unpackEntries(d)) }, d._version, {
        by: 'test',
        at,
      });
    expect(await cold()).toEqual(current);
    const ids = digests.map((d) => d._id).sort();
    expect(await rebuildDutyDigests(h.store, { write: false })).toMatchObject({
      matching: digests.length,
      mismatched: [],
      outdated: ids,
    });
    const rewritten = await rebuildDutyDigests(h.store, { write: true, ctx: { by: 'test', at } });
    expect(rewritten).toMatchObject({ written: digests.length, outdated: ids });
    expect(await rebuildDutyDigests(h.store, { write: false })).toMatchObject({
      matching: digests.length,
      outdated: [],
    });
    expect(await cold()).toEqual(current);
  });

  it('a cold leader board reads digests, not records: the same round trips with 5 or 1,500 records, at most 10', async () => {
    const cold = async () => {
      const counted = countingStore(h.store);
      await board('staffCompliance', counted.store);
      return counted.trips;
    };
    await someWork();
    const small = await cold();
    const at = toIso(h.clock.now());
    const bulk = Array.from({ length: 1495 }, (_, i) => ({
      _id: `bulk-${i}`,
      kind: 'talk' as const,
      actorId: people.counselorUser,
      at,
      receivedAt: at,
      collegeId: people.firstClass.collegeId,
      classId: people.firstClass._id,
      studentId: people.student._id,
      documented: true,
      clientId: `c${i}`,
      deviceAt: at,
      sentAt: at,
      flags: [],
      details: { form: 'talk' as const, notes: '' },
    }));
    await h.store.addMany('dutyRecords', bulk, { by: 'test', at });
    await rebuildDutyDigests(h.store, { write: true, ctx: { by: 'test', at } });
    const large = await cold();
    expect(large.byCollection.get('dutyRecords')).toBeUndefined();
    expect(large.byCollection.get('dutyDigests')).toBe(1);
    expect(large.query + large.get).toBe(small.query + small.get);
    expect(large.query + large.get).toBeLessThanOrEqual(10);
    expect(large.rows).toBe(small.rows);
  });
});
