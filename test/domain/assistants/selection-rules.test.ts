import { expect } from '@jest/globals';
import {
  applyDecision,
  assistantSettings,
  checkCallDates,
  eligibilityDecision,
  requireGraduate,
} from '../../../cloudfunctions/core/assistants';
import { defaultCalendarRule } from '../../../cloudfunctions/core/calendar';
import { ApplicationForm, type DataCheck, type JudgedAnswer } from '../../../types/assistant';

const form = ApplicationForm.parse({
  gender: '女',
  politicalStatus: '共青团员',
  phone: '13800000000',
  experience: '担任过本科班级助理',
  reason: '愿意协助班级学业帮扶',
});
const otherForm = { ...form, reason: '改过的申请理由' };
const passing: DataCheck[] = [
  { item: 'fullTimeGraduate', rule: '000-1.1', label: '全日制在读研究生', ok: true, note: '' },
];
const allYes: JudgedAnswer[] = assistantSettings.judgedItems.map((i) => ({ item: i.id, ok: true, note: '' }));
const code = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return Reflect.get(Object(error), 'code');
  }
  return 'none';
};

describe('publishing a call (rules: 000-6.1.1)', () => {
  it('refuses a deadline before today and a school year already over, naming the field', () => {
    expect(() =>
      checkCallDates({ schoolYear: '2026-2027', deadline: '2026-09-13' }, '2026-09-14', defaultCalendarRule),
    ).toThrow(expect.objectContaining({ code: 'ASSISTANT.DEADLINE_PAST', field: 'deadline' }));
    expect(() =>
      checkCallDates({ schoolYear: '2025-2026', deadline: '2026-09-20' }, '2026-09-14', defaultCalendarRule),
    ).toThrow(expect.objectContaining({ code: 'ASSISTANT.YEAR_PAST', field: 'schoolYear' }));
    expect(() =>
      checkCallDates({ schoolYear: '2026-2027', deadline: '2026-09-14' }, '2026-09-14', defaultCalendarRule),
    ).not.toThrow();
  });
});

describe('applying (rules: 000-1.1, 000-A1)', () => {
  it('only a graduate applies', () => {
    expect(() => requireGraduate(null)).toThrow(expect.objectContaining({ code: 'ASSISTANT.NOT_GRADUATE' }));
    expect(requireGraduate({ name: '研究生甲' })).toEqual({ name: '研究生甲' });
  });

  it('the same form again is a no-op, even after the deadline; a changed form only while unchecked and open', () => {
    const open = { stage: 'open' as const, deadline: '2026-09-13' };
    expect(applyDecision(open, null, form, '2026-09-13')).toEqual({ kind: 'write' });
    expect(applyDecision(open, { form, status: 'eligible' }, form, '2026-09-20')).toEqual({
      kind: 'same',
      status: 'eligible',
    });
    expect(applyDecision(open, { form, status: 'submitted' }, otherForm, '2026-09-12')).toEqual({ kind: 'write' });
    expect(code(() => applyDecision(open, { form, status: 'eligible' }, otherForm, '2026-09-12'))).toBe(
      'ASSISTANT.ALREADY_CHECKED',
    );
    expect(
      code(() => applyDecision({ ...open, stage: 'decided' }, { form, status: 'submitted' }, otherForm, '2026-09-12')),
    ).toBe('ASSISTANT.ALREADY_CHECKED');
    expect(code(() => applyDecision(open, null, form, '2026-09-14'))).toBe('ASSISTANT.CALL_CLOSED');
    expect(code(() => applyDecision({ ...open, stage: 'decided' }, null, form, '2026-09-01'))).toBe(
      'ASSISTANT.CALL_CLOSED',
    );
  });
});

describe('the eligibility check (rules: 000-1, 000-4, 000-7.1)', () => {
  const call = { stage: 'open' as const, selected: ['app-1'] };
  const unchecked = { _id: 'app-1', status: 'submitted' as const, judged: [], checks: passing };

  it('a full yes makes the applicant eligible; a no makes them ineligible with the reason', () => {
    const yes = eligibilityDecision({ ...call, selected: [] }, unchecked, passing, allYes, assistantSettings);
    expect(yes).toMatchObject({ kind: 'write', status: 'eligible', verdict: { eligible: true, reasons: [] } });
    const no = eligibilityDecision(
      { ...call, selected: [] },
      unchecked,
      [{ ...passing[0]!, ok: false, note: '非全日制' }],
      allYes,
      assistantSettings,
    );
    expect(no).toMatchObject({ kind: 'write', status: 'ineligible' });
    expect(no.kind === 'write' ? no.verdict.reasons[0] : '').toContain('非全日制');
  });

  it('the same verdict again changes nothing', () => {
    const first = eligibilityDecision(call, unchecked, passing, allYes, assistantSettings);
    if (first.kind !== 'write') throw new Error('expected a write');
    expect(
      eligibilityDecision(
        call,
        { ...unchecked, status: first.status, judged: first.verdict.judged },
        passing,
        allYes,
        assistantSettings,
      ),
    ).toEqual({ kind: 'same' });
  });

  it('refuses after the list is shown or sent, unknown items, and making a selected person ineligible', () => {
    for (const stage of ['collegePublicity', 'submitted', 'schoolPublicity', 'confirmed'] as const) {
      expect(code(() => eligibilityDecision({ ...call, stage }, unchecked, passing, allYes, assistantSettings))).toBe(
        'ASSISTANT.WRONG_STAGE',
      );
    }
    expect(() =>
      eligibilityDecision(call, unchecked, passing, [{ item: 'charm', ok: true, note: '' }], assistantSettings),
    ).toThrow(expect.objectContaining({ code: 'INPUT.INVALID', field: 'judged' }));
    const no = allYes.map((a, i) => (i === 0 ? { ...a, ok: false } : a));
    expect(code(() => eligibilityDecision(call, unchecked, passing, no, assistantSettings))).toBe(
      'ASSISTANT.ALREADY_SELECTED',
    );
    expect(eligibilityDecision({ ...call, selected: [] }, unchecked, passing, no, assistantSettings)).toMatchObject({
      kind: 'write',
      status: 'ineligible',
    });
  });
});
