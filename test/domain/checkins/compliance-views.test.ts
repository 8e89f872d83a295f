import { dutySubjects, type DutyDirectory } from '../../../cloudfunctions/core/compliance/directory';
import { itemsInScope, scopeRange } from '../../../cloudfunctions/core/compliance/scope';
import { sortRows } from '../../../cloudfunctions/core/compliance/views';
import type { DutyItem } from '../../../cloudfunctions/core/duties';
import type { ComplianceRow } from '../../../types/api/duties';
import type { DutyPeriod } from '../../../types/duty';

const cls = (id: string, counselorId: string, assistantId?: string) => ({
  _id: id,
  name: id,
  collegeId: 'life',
  departmentId: 'd',
  counselorId,
  headTeacherId: `head-${id}`,
  size: 40,
  ...(assistantId ? { assistantId } : {}),
});

describe('duty subjects from the directory', () => {
  const directory: DutyDirectory = {
    classes: [cls('a', 'coun', 'asst'), cls('b', 'coun', 'asst'), cls('c', 'coun2')],
    students: [
      { _id: 's1', name: '甲', classId: 'a', dormId: 'd1' },
      { _id: 's2', name: '乙', classId: 'a', dormId: 'd1' },
      { _id: 's3', name: '丙', classId: 'b', dormId: 'd2' },
    ],
    dorms: [
      { _id: 'd1', building: '西区5号楼', room: '101', classIds: ['a'] },
      { _id: 'd2', building: '西区5号楼', room: '102', classIds: ['b', 'c'] },
    ],
    warnings: [
      {
        _id: 'w1',
        studentId: 's1',
        classId: 'a',
        status: 'superseded',
        publishedAt: '2026-09-20T10:00:00.000+08:00',
        updatedAt: '2026-10-01T10:00:00.000+08:00',
        policyId: 'lzut-life',
        level: 'oral',
      },
      {
        _id: 'w2',
        studentId: 's1',
        classId: 'a',
        status: 'active',
        publishedAt: '2026-10-01T10:00:00.000+08:00',
        updatedAt: '2026-10-01T10:00:00.000+08:00',
        policyId: 'lzut-life',
        level: 'written',
      },
    ],
  };
  const subjects = dutySubjects(directory);
  const of = (id: string) => subjects.find((s) => s.personId === id);

  it('gives each person one assignment per role, over the classes they serve only', () => {
    expect(subjects.map((s) => s.personId)).toEqual(['asst', 'coun', 'coun2', 'head-a', 'head-b', 'head-c']);
    expect(of('coun')?.assignments.map((a) => [a.role, a.classes?.map((c) => c.id)])).toEqual([
      ['counselor', ['a', 'b']],
    ]);
    expect(of('asst')?.assignments[0]?.role).toBe('assistant');
  });

  it('sizes a class by its roster when there is one, else by the class record', () => {
    expect(of('coun')?.assignments[0]?.classes).toEqual([
      { id: 'a', size: 2 },
      { id: 'b', size: 1 },
    ]);
    expect(of('coun2')?.assignments[0]?.classes).toEqual([{ id: 'c', size: 40 }]);
  });

  it('lists each dorm once, shared dorms for each class that lives there', () => {
    expect(of('coun')?.assignments[0]?.dorms?.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(of('coun2')?.assignments[0]?.dorms).toEqual([{ id: 'd2', classIds: ['b', 'c'] }]);
  });

  it('turns warnings into warned-student units: a superseded one ends when replaced, tagged by level', () => {
    expect(of('head-a')?.assignments[0]?.warnedStudents).toEqual([
      {
        studentId: 's1',
        classId: 'a',
        since: '2026-09-20T10:00:00.000+08:00',
        until: '2026-10-01T10:00:00.000+08:00',
        tags: ['warning', 'lzut-life:oral'],
        caseId: 'w1',
      },
      {
        studentId: 's1',
        classId: 'a',
        since: '2026-10-01T10:00:00.000+08:00',
        tags: ['warning', 'lzut-life:written'],
        caseId: 'w2',
      },
    ]);
  });
});

describe('which duties a scope shows', () => {
  const now = Date.parse('2026-11-26T12:00:00+08:00'); // a Thursday
  const item = (period: DutyPeriod, start: string, end: string): DutyItem => ({
    key: `${period}|${start}`,
    personId: 'p',
    ruleId: period,
    role: 'counselor',
    title: period,
    period,
    unit: { kind: 'person', id: 'p', classIds: [] },
    caseIds: [],
    window: { start: `${start}T00:00:00.000+08:00`, end: `${end}T00:00:00.000+08:00`, lastDay: end },
    measure: 'count',
    required: 1,
    progress: 0,
    due: 1,
    done: [],
    late: [],
    status: 'due',
    dueAt: `${end}T00:00:00.000+08:00`,
  });
  const items = [
    item('week', '2026-11-16', '2026-11-23'),
    item('week', '2026-11-23', '2026-11-30'),
    item('twoWeeks', '2026-11-16', '2026-11-30'),
    item('month', '2026-11-01', '2026-12-01'),
    item('semester', '2026-09-07', '2027-01-18'),
    item('withinDaysOf', '2026-11-25', '2026-12-03'),
    item('semesterEnd', '2026-12-21', '2027-01-18'),
  ];
  const keys = (scope: 'week' | 'month' | 'semester') => itemsInScope(items, scope, now).map((i) => i.key);

  it('the week runs Monday 00:00 to Monday 00:00 in Shanghai; the month is the calendar month', () => {
    expect(scopeRange('week', now)).toEqual({
      start: Date.parse('2026-11-23T00:00:00+08:00'),
      end: Date.parse('2026-11-30T00:00:00+08:00'),
    });
    expect(scopeRange('month', now)).toEqual({
      start: Date.parse('2026-11-01T00:00:00+08:00'),
      end: Date.parse('2026-12-01T00:00:00+08:00'),
    });
    // Sunday 23:30 still belongs to the week that began on Monday.
    expect(scopeRange('week', Date.parse('2026-11-29T23:30:00+08:00')).start).toBe(
      Date.parse('2026-11-23T00:00:00+08:00'),
    );
  });

  it.each([
    // This month's window is this week's work too (issue 9: the week once showed only last month's overdue item).
    ['week', ['week|2026-11-23', 'twoWeeks|2026-11-16', 'month|2026-11-01', 'withinDaysOf|2026-11-25']],
    [
      'month',
      ['week|2026-11-16', 'week|2026-11-23', 'twoWeeks|2026-11-16', 'month|2026-11-01', 'withinDaysOf|2026-11-25'],
    ],
    ['semester', items.map((i) => i.key)],
  ] as const)('%s', (scope, expected) => {
    expect(keys(scope)).toEqual(expected);
  });
});

describe('sorting compliance rows', () => {
  const row = (id: string, name: string, percent: number | null, overdue: number): ComplianceRow => ({
    id,
    name,
    note: '',
    total: 10,
    done: 0,
    due: 0,
    overdue,
    lateDone: 0,
    percent,
    records: 0,
  });
  const rows = [row('a', '丙', 50, 3), row('b', '甲', null, 0), row('c', '乙', 20, 1), row('d', '丁', 50, 5)];
  it.each([
    ['worst', ['c', 'd', 'a', 'b']],
    ['best', ['a', 'd', 'c', 'b']],
    ['overdue', ['d', 'a', 'c', 'b']],
    ['name', ['a', 'd', 'b', 'c']], // pinyin: bing, ding, jia, yi
  ] as const)('%s', (sort, expected) => {
    expect(sortRows(rows, sort).map((r) => r.id)).toEqual(expected);
  });
});
