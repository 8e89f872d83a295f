import { expect } from '@jest/globals';
import {
  assistantSettings,
  changeWindow,
  checkAssignment,
  checkChangeFiling,
  monthsOf,
  nextChange,
  stipendRows,
  stipendSheet,
  windowPosition,
} from '../../../cloudfunctions/core/assistants';
import { ruleCalendar } from '../../../cloudfunctions/core/calendar';
import type { Assignment, Call, Change, DataCheck } from '../../../types/assistant';

const t = (local: string) => Date.parse(`${local}+08:00`);
const calendar = ruleCalendar(2025, 2027);
const ok: DataCheck[] = [{ item: 'cleanRecord', rule: '000-4.4', label: '无补考', ok: true, note: '' }];

describe('the change window: two weeks after the second semester starts (rules: 000-7.2)', () => {
  const window = changeWindow(calendar, '2026-2027', assistantSettings.changeWindowDays);
  it('runs from the first day of the second semester to the end of its 14th day', () => {
    expect(window).toEqual({ first: '2027-02-22', lastDay: '2027-03-07' });
    if (!window) throw new Error('no window');
    expect(windowPosition(window, t('2027-02-21T23:59:59'))).toBe('before');
    expect(windowPosition(window, t('2027-02-22T00:00:00'))).toBe('inside');
    expect(windowPosition(window, t('2027-03-07T23:59:59'))).toBe('inside');
    expect(windowPosition(window, t('2027-03-08T00:00:00'))).toBe('after');
  });

  it('a filing outside is refused with the dates; inside, an ineligible replacement is refused with the reason', () => {
    expect(() => checkChangeFiling(window, t('2027-03-08T00:00:00'), ok, 'a', 'b')).toThrow(/2027-02-22 至 2027-03-07/);
    expect(() => checkChangeFiling(window, t('2027-02-21T12:00:00'), ok, 'a', 'b')).toThrow(/尚未开始/);
    expect(() => checkChangeFiling(window, t('2027-03-07T12:00:00'), ok, 'a', 'b')).not.toThrow();
    expect(() =>
      checkChangeFiling(window, t('2027-03-01T12:00:00'), [{ ...ok[0]!, ok: false, note: '重修：X' }], 'a', 'b'),
    ).toThrow(/重修：X/);
  });
});

const call: Call = {
  _id: 'call:life:2026-2027',
  collegeId: 'life',
  collegeName: '生命学院',
  schoolYear: '2026-2027',
  deadline: '2026-09-13',
  note: '',
  stage: 'confirmed',
  publishedAt: '',
  selected: ['appA', 'appB'],
  objections: [],
  steps: [],
};
const assignment = (classId: string, app: string, name: string): Assignment => ({
  _id: `asg:2026-2027:${classId}`,
  callId: call._id,
  collegeId: 'life',
  schoolYear: '2026-2027',
  classId,
  className: `${classId}班`,
  applicationId: app,
  assistantUserId: `u-${app}`,
  assistantName: name,
  graduateId: `g-${app}`,
  assignedBy: 't-clerk',
  assignedAt: '2026-09-10T09:00:00.000+08:00',
});

describe('assignment (rules: 000-5.1)', () => {
  const year = [assignment('c1', 'appA', '林'), assignment('c2', 'appA', '林')];
  const req = (classId: string, applicationId: string) => ({
    classId,
    className: `${classId}班`,
    classCollegeId: 'life',
    applicationId,
  });
  it('one assistant per class, at most two classes each, reasons named; the same assignment again is a no-op', () => {
    expect(() => checkAssignment(call, req('c3', 'appA'), year, 2, () => '林')).toThrow(
      '每名学业助理带班不超过 2 个（000-5.1），林已带c1班、c2班',
    );
    expect(() => checkAssignment(call, req('c1', 'appB'), year, 2, () => '周')).toThrow(/c1班已配备学业助理林/);
    expect(checkAssignment(call, req('c1', 'appA'), year, 2, () => '林').kind).toBe('same');
    expect(checkAssignment(call, req('c3', 'appB'), year, 2, () => '周').kind).toBe('new');
  });
  it("only from a confirmed list, only for the call's college", () => {
    expect(() =>
      checkAssignment({ ...call, stage: 'schoolPublicity' }, req('c3', 'appB'), year, 2, () => '周'),
    ).toThrow(/确认后/);
    expect(() => checkAssignment(call, { ...req('c3', 'appB'), classCollegeId: 'other' }, year, 2, () => '周')).toThrow(
      /本学院/,
    );
  });
});

describe('the stipend (rules: 000-5.2, 000-7.2)', () => {
  const year = [assignment('c1', 'appA', '林'), assignment('c2', 'appA', '林'), assignment('c3', 'appB', '周')];
  const change = (stage: Change['stage']): Change => ({
    _id: 'chg',
    callId: call._id,
    collegeId: 'life',
    schoolYear: '2026-2027',
    classId: 'c3',
    className: 'c3班',
    outgoingUserId: 'u-appB',
    outgoingName: '周',
    incomingUserId: 'u-zhao',
    incomingName: '赵',
    incomingGraduateId: 'g-zhao',
    reason: '出国交流',
    filedBy: 't-clerk',
    filedByName: '秘书',
    filedAt: '',
    effectiveMonth: '2027-03',
    stage,
    checks: [],
  });

  it('12 months from September: 2026-09 … 2027-08; a month outside the year is refused', () => {
    expect(monthsOf('2026-2027', assistantSettings)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
    ]);
    expect(() => stipendSheet('2026-08', '2026-2027', year, [], assistantSettings)).toThrow(/不在 2026-2027 学年/);
    expect(() => stipendSheet('2027-09', '2026-2027', year, [], assistantSettings)).toThrow(/不在/);
    expect(stipendSheet('2027-08', '2026-2027', year, [], assistantSettings).total).toBe(750);
  });

  it('250 per class per month: two classes 500, one class 250', () => {
    const sheet = stipendSheet('2026-10', '2026-2027', year, [], assistantSettings);
    expect(sheet.lines.map((l) => [l.name, l.classCount, l.amount])).toEqual([
      ['林', 2, 500],
      ['周', 1, 250],
    ]);
    expect(sheet.total).toBe(750);
  });

  it('an unconfirmed replacement is not paid, and the sheet says why; the month before the change still pays the outgoing', () => {
    const march = stipendSheet('2027-03', '2026-2027', year, [change('schoolPublicity')], assistantSettings);
    expect(march.lines.find((l) => l.name === '赵')).toMatchObject({
      amount: 0,
      remark: expect.stringContaining('未经学校公示确认，不予发放（000-7.2）'),
    });
    expect(march.lines.find((l) => l.name === '周')).toBeUndefined();
    expect(march.total).toBe(500);
    expect(stipendRows(march).at(-1)).toEqual(['合计', '', '1 人', '', '2', '', '500', '1 人未经公示确认，不予发放']);
    const feb = stipendSheet('2027-02', '2026-2027', year, [change('schoolPublicity')], assistantSettings);
    expect(feb.lines.find((l) => l.name === '周')?.amount).toBe(250);
  });

  it('once confirmed the replacement is paid from the change month; a rejected change changes nothing', () => {
    const confirmed = stipendSheet('2027-04', '2026-2027', year, [change('confirmed')], assistantSettings);
    expect(confirmed.lines.find((l) => l.name === '赵')).toMatchObject({
      amount: 250,
      remark: expect.stringContaining('接替周'),
    });
    expect(
      stipendSheet('2027-04', '2026-2027', year, [change('rejected')], assistantSettings).lines.find(
        (l) => l.name === '周',
      )?.amount,
    ).toBe(250);
  });

  it('the school approves a change, publicises 3 days, confirms on day 4', () => {
    const actor = { userId: 't-affairs', name: '学工部' };
    const approved = nextChange(
      change('filed'),
      { type: 'approve', opinion: '' },
      actor,
      t('2027-03-01T10:00:00'),
      assistantSettings,
    ).change;
    expect(approved).toMatchObject({ stage: 'schoolPublicity', publicity: { lastDay: '2027-03-03' } });
    expect(() => nextChange(approved, { type: 'confirm' }, actor, t('2027-03-03T23:59:00'), assistantSettings)).toThrow(
      /期满/,
    );
    expect(
      nextChange(approved, { type: 'confirm' }, actor, t('2027-03-04T00:00:00'), assistantSettings).change.stage,
    ).toBe('confirmed');
    expect(
      nextChange(approved, { type: 'approve', opinion: '' }, actor, t('2027-03-02T00:00:00'), assistantSettings)
        .changed,
    ).toBe(false);
  });
});
