import dutiesJson from '../../../config/duties/default.json';
import { ruleCalendar } from '../../../cloudfunctions/core/calendar';
import { AcademicCalendar, DutyConfig, DutyRule } from '../../../types/duty';
import { parseCalendar, parseDutyConfig } from '../../../cloudfunctions/core/duties';
import { DomainError } from '../../../cloudfunctions/core/errors';
import { dutyRule } from '../../support/duties-factories';

/** The duty table (config/duties/README.md), row by row, and the rules that carry each row. */
const specRows: [who: string, duty: string, ruleIds: string[]][] = [
  [
    'counselor',
    'talks with own classes’ students ≥ 1/3 of class size per semester',
    ['counselor-talks-third-of-class'],
  ],
  [
    'counselor',
    'talk with each student under warning / status handling / discipline ≥ 1 per quarter',
    ['counselor-talk-warned-quarterly'],
  ],
  ['counselor', 'talk with each warned student ≥ 2 per semester', ['counselor-talks-warned-twice-semester']],
  ['counselor', 'class meetings ≥ 4 per semester, with minutes', ['counselor-class-meetings']],
  ['counselor', 'dorm check of each dorm at least every 2 weeks', ['counselor-dorm-check-fortnightly']],
  ['counselor', 'class attendance check ≥ 1 per class per week', ['counselor-class-check-weekly']],
  ['counselor', 'lecture attendance ≥ 1 per month', ['counselor-lecture-attendance-monthly']],
  ['counselor', 'contact each student’s parents ≥ 1 per school year', ['counselor-parent-contact-yearly']],
  [
    'counselor',
    'notify parents within 1 week; then ≥ 1 follow-up per semester',
    ['counselor-notify-parents-of-warned', 'counselor-parent-follow-up-of-warned'],
  ],
  ['counselor', 'contact each course teacher ≥ 1 per semester', ['counselor-course-teacher-contact']],
  ['counselor', 'class-committee meetings ≥ 2 per class per semester', ['counselor-class-committee-meetings']],
  ['counselor', 'head-teacher meetings ≥ 2 per semester', ['counselor-head-teacher-meetings']],
  ['headTeacher', 'talk with each warned student ≥ 1 per month', ['head-teacher-talk-warned-monthly']],
  ['headTeacher', 'themed class meetings (study methods) ≥ 3 per semester', ['head-teacher-study-method-meetings']],
  ['headTeacher', 'lecture attendance ≥ 3 per semester', ['head-teacher-lecture-attendance']],
  [
    'headTeacher/counselor',
    'contact parents of students with academic problems each semester end',
    ['head-teacher-semester-end-parent-contact', 'counselor-semester-end-parent-contact'],
  ],
  ['assistant', 'themed activities ≥ 2 per month', ['assistant-themed-activities-monthly']],
  ['assistant', 'attend class collective activities ≥ 3 per school year', ['assistant-collective-activities-yearly']],
  [
    'assistant',
    'face-to-face talk with each student ≥ 30 minutes per school year',
    ['assistant-talk-each-student-yearly'],
  ],
];

describe('config/duties/default.json', () => {
  const config = parseDutyConfig(dutiesJson);

  it.each(specRows)('%s: %s', (who, _duty, ids) => {
    for (const id of ids) {
      const rule = config.rules.find((r) => r.id === id);
      expect(rule && who.split('/').includes(rule.role)).toBe(true);
    }
  });

  it('has exactly the rules of the table, ids unique and in kebab-case', () => {
    expect(config.rules.map((r) => r.id).sort()).toEqual(specRows.flatMap(([, , ids]) => ids).sort());
    expect(config.rules.every((r) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.id))).toBe(true);
  });

  it('quotes its seed for every rule', () => {
    expect(config.rules.filter((r) => !r.source)).toEqual([]);
  });
});

describe('duty rule schema', () => {
  const base = dutyRule();
  it.each([
    ['two quotas at once', { quota: { count: 1, minutes: 30 } }, 'quota'],
    ['no quota', { quota: {} }, 'quota'],
    [
      'a fraction of class size per dorm',
      { per: 'dorm', quota: { fractionOfClassSize: { numerator: 1, denominator: 3 } } },
      'quota',
    ],
    ['within days without days', { period: 'withinDaysOf', per: 'warnedStudent' }, 'withinDays'],
    ['within days per class', { period: 'withinDaysOf', per: 'class', withinDays: 7 }, 'per'],
    ['days on a weekly rule', { period: 'week', withinDays: 3 }, 'withinDays'],
    ['tags on a class rule', { per: 'class', appliesTo: { tags: ['warning'] } }, 'appliesTo'],
    ['an unknown record kind', { counts: { kinds: ['nap'] } }, 'counts'],
    ['an id that is not kebab-case', { id: 'Counselor_Talks' }, 'id'],
    ['an unknown field', { quotas: 3 }, ''],
  ])('rejects %s', (_name, change, path) => {
    const parsed = DutyRule.safeParse({ ...base, ...change });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => String(i.path[0] ?? ''))).toContain(path);
  });

  it('rejects a config with a duplicate id, in Chinese', () => {
    const parsed = DutyConfig.safeParse({ version: 1, rules: [base, base] });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual(['职责编号重复：test-rule']);
  });

  it('parseDutyConfig reports the path of the fault', () => {
    expect(() => parseDutyConfig({ version: 1, rules: [{ ...base, period: 'fortnight' }] })).toThrow(DomainError);
    expect(() => parseDutyConfig({ version: 1, rules: [{ ...base, period: 'fortnight' }] })).toThrow(
      '职责配置有误（rules.0.period）：周期不正确',
    );
  });
});

describe('academic calendar', () => {
  it("the default rule's calendar parses as an academic calendar, two semesters a school year", () => {
    const calendar = parseCalendar(ruleCalendar(2025, 2026));
    expect(calendar.schoolYears.map((y) => [y.id, y.semesters.map((s) => `${s.start}..${s.end}`)])).toEqual([
      ['2025-2026', ['2025-09-08..2026-01-18', '2026-02-23..2026-07-05']],
      ['2026-2027', ['2026-09-07..2027-01-17', '2027-02-22..2027-07-04']],
    ]);
  });

  const year = {
    id: '2025-2026',
    start: '2025-09-01',
    end: '2026-08-31',
    semesters: [{ id: '2025-2026-1', start: '2025-09-08', end: '2026-01-18' }],
  };
  it.each([
    ['a date that does not exist', { ...year, end: '2026-02-30' }, '日期不存在'],
    [
      'a semester ending before it starts',
      { ...year, semesters: [{ id: '2025-2026-1', start: '2026-01-18', end: '2025-09-08' }] },
      '学期结束早于开始',
    ],
    [
      'a semester outside its year',
      { ...year, semesters: [{ id: '2025-2026-1', start: '2025-08-25', end: '2026-01-18' }] },
      '学期超出学年范围',
    ],
    [
      'a semester of another year',
      { ...year, semesters: [{ id: '2026-2027-1', start: '2025-09-08', end: '2026-01-18' }] },
      '学期不属于该学年',
    ],
    [
      'overlapping semesters',
      { ...year, semesters: [...year.semesters, { id: '2025-2026-2', start: '2026-01-18', end: '2026-07-12' }] },
      '学期应按时间先后排列且不重叠',
    ],
  ])('rejects %s', (_name, schoolYear, message) => {
    const parsed = AcademicCalendar.safeParse({ schoolYears: [schoolYear] });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toContain(message);
  });

  it('rejects overlapping school years', () => {
    const parsed = AcademicCalendar.safeParse({ schoolYears: [year, year] });
    expect(parsed.success).toBe(false);
  });
});
