import { dueDateText, lastDayOf } from '../../../cloudfunctions/core/duties/due-date';
import { nextSteps } from '../../../cloudfunctions/core/support/next-steps';
import type { DutyLine } from '../../../types/api/support';

/** Issue 11 defect 4: one due-date convention (the last day, inclusive, Shanghai), one rendering. */
describe('due dates', () => {
  const line = (status: DutyLine['status'], dueAt: string): DutyLine => ({
    title: '警示公布后 14 天内与学生谈话',
    role: '班主任',
    personName: '王老师',
    required: 1,
    progress: 0,
    status,
    dueAt,
  });

  it('a window ending at midnight is due on the day before, inclusive', () => {
    expect(lastDayOf('2026-12-08T00:00:00.000+08:00')).toBe('2026-12-07');
    expect(dueDateText('2026-03-25T00:00:00.000+08:00')).toBe('截止 2026-03-24');
    // Midnight in Shanghai is 16:00 UTC the day before: the Shanghai day counts, not the UTC one.
    expect(lastDayOf('2026-12-07T16:00:00.000Z')).toBe('2026-12-07');
  });

  it('下一步 says the same date as 帮扶职责 for overdue and open duties alike', () => {
    const base = {
      audience: 'staff' as const,
      hasWarning: true,
      planStatus: 'approved' as const,
      planReported: false,
      reviewerRole: null,
      talks: 1,
      meetings: [],
      now: '2026-12-01T10:00:00.000+08:00',
    };
    const overdue = nextSteps({ ...base, duties: [line('overdue', '2026-11-25T00:00:00.000+08:00')] });
    expect(overdue[0]).toContain(dueDateText('2026-11-25T00:00:00.000+08:00'));
    const open = nextSteps({ ...base, duties: [line('due', '2026-12-08T00:00:00.000+08:00')] });
    expect(open[0]).toContain('截止 2026-12-07');
    expect(open[0]).not.toContain('2026-12-08');
  });
});
