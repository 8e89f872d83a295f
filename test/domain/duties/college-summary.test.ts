import { expect } from '@jest/globals';
import type { DutyItem, DutyStatus, PersonDutyEvaluation } from '../../../types/duty';
import { summarizeCollegeDuties } from '../../../cloudfunctions/core/compliance/college-summary';

const item = (key: string, personId: string, status: DutyStatus, classIds: string[]): DutyItem => ({
  key,
  personId,
  ruleId: 'r',
  role: 'counselor',
  title: '职责',
  period: 'month',
  unit: { kind: classIds.length > 1 ? 'dorm' : 'class', id: key, classIds },
  caseIds: [],
  window: { start: '2026-11-01T00:00:00.000+08:00', end: '2026-12-01T00:00:00.000+08:00', lastDay: '2026-11-30' },
  measure: 'count',
  required: 1,
  progress: status === 'done' || status === 'lateDone' ? 1 : 0,
  due: status === 'done' || status === 'lateDone' ? 0 : 1,
  done: [],
  late: [],
  status,
  dueAt: '2026-12-01T00:00:00.000+08:00',
});

const evaluation = (personId: string, items: DutyItem[]): PersonDutyEvaluation => ({
  personId,
  now: '2026-11-23T09:00:00.000+08:00',
  semesterId: '2026-2027-1',
  schoolYearId: '2026-2027',
  items,
  next: null,
  overdue: [],
});

describe('a college’s duty summary for the school view', () => {
  it('counts a duty whose unit lies in two classes once for the college and once in each class', () => {
    const summary = summarizeCollegeDuties({
      college: { id: 'life', name: '生命科学与工程学院' },
      semesterId: '2026-2027-1',
      asOf: '2026-11-23T09:00:00.000+08:00',
      evaluations: [
        evaluation('t-a', [item('dorm', 't-a', 'done', ['c1', 'c2']), item('c1', 't-a', 'overdue', ['c1'])]),
        evaluation('t-b', [item('c2', 't-b', 'due', ['c2'])]),
      ],
      classes: [
        { id: 'c1', name: '一班', note: '辅导员 甲' },
        { id: 'c2', name: '二班', note: '辅导员 乙' },
      ],
      recordsPerClass: new Map([
        ['c1', 3],
        ['c2', 4],
      ]),
    });
    expect(summary.row).toEqual({
      id: 'life',
      name: '生命科学与工程学院',
      note: '2 个班级 · 2 位教师',
      total: 3,
      done: 1,
      due: 1,
      overdue: 1,
      lateDone: 0,
      percent: 50,
      records: 7,
    });
    expect(summary.classes.map((c) => [c.id, c.total, c.done, c.percent])).toEqual([
      ['c1', 2, 1, 50],
      ['c2', 2, 1, 100],
    ]);
    expect(summary.people).toBe(2);
  });

  it('gives a college with no duties yet an empty row, not none', () => {
    const summary = summarizeCollegeDuties({
      college: { id: 'new', name: '新学院' },
      semesterId: '2026-2027-1',
      asOf: '2026-11-23T09:00:00.000+08:00',
      evaluations: [],
      classes: [],
      recordsPerClass: new Map(),
    });
    expect(summary.row).toMatchObject({ id: 'new', total: 0, percent: null, records: 0, note: '0 个班级 · 0 位教师' });
  });
});
