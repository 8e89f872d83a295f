import { expect } from '@jest/globals';
import {
  assistantSettings,
  nextCall,
  publicityFrom,
  publicityOver,
  type CallEvent,
  type StepActor,
} from '../../../cloudfunctions/core/assistants';
import type { Call } from '../../../types/assistant';

const t = (local: string) => Date.parse(`${local}+08:00`);
const clerk: StepActor = { userId: 't-clerk', name: '教学秘书甲', role: 'clerk' };
const leader: StepActor = { userId: 't-leader', name: '院领导乙', role: 'leader' };
const affairs: StepActor = { userId: 't-affairs', name: '学工部', role: 'studentAffairs' };
const fresh: Call = {
  _id: 'call:life:2026-2027',
  collegeId: 'life',
  collegeName: '生命学院',
  schoolYear: '2026-2027',
  deadline: '2026-09-13',
  note: '',
  stage: 'open',
  publishedAt: '2026-09-01T09:00:00.000+08:00',
  selected: [],
  objections: [],
  steps: [],
};

function run(call: Call, steps: [CallEvent, StepActor, string][]): Call {
  return steps.reduce((c, [event, actor, at]) => nextCall(c, event, actor, t(at), assistantSettings).call, call);
}
const decided = run(fresh, [
  [{ type: 'decide', selected: ['a1', 'a2'], eligible: ['a1', 'a2'] }, leader, '2026-09-14T09:00:00'],
]);
const inPublicity = run(decided, [[{ type: 'startCollegePublicity' }, clerk, '2026-09-14T16:30:00']]);

describe('publicity days (rules: 000-6.1.3, 000-6.1.4)', () => {
  it('posted on day 1 at any hour, it runs to the end of day 3; day 4 at 00:00 it is over', () => {
    for (const posted of ['2026-09-14T00:00:00', '2026-09-14T23:59:00']) {
      const p = publicityFrom(t(posted), 3);
      expect(p).toMatchObject({ lastDay: '2026-09-16', end: '2026-09-17T00:00:00.000+08:00' });
      expect(publicityOver(p, t('2026-09-16T23:59:59'))).toBe(false);
      expect(publicityOver(p, t('2026-09-17T00:00:00'))).toBe(true);
    }
  });
});

describe('the selection as transitions (rules: 000-6.1)', () => {
  it('each step has its owner: the group leader decides and sends, the clerk cannot; 学工部 reviews', () => {
    expect(() =>
      nextCall(
        fresh,
        { type: 'decide', selected: ['a1'], eligible: ['a1'] },
        clerk,
        t('2026-09-14T09:00:00'),
        assistantSettings,
      ),
    ).toThrow(/学院领导/);
    expect(() => nextCall(inPublicity, { type: 'submit' }, clerk, t('2026-09-20T09:00:00'), assistantSettings)).toThrow(
      /学院领导/,
    );
    expect(() =>
      nextCall(
        inPublicity,
        { type: 'review', decision: 'approve', opinion: '' },
        leader,
        t('2026-09-20T09:00:00'),
        assistantSettings,
      ),
    ).toThrow(/学工部/);
  });

  it('sending: refused on day 3 at 23:59, allowed on day 4; refused while an objection is unanswered', () => {
    expect(() =>
      nextCall(inPublicity, { type: 'submit' }, leader, t('2026-09-16T23:59:00'), assistantSettings),
    ).toThrow(expect.objectContaining({ code: 'ASSISTANT.PUBLICITY_RUNNING' }));
    expect(
      nextCall(inPublicity, { type: 'submit' }, leader, t('2026-09-17T00:00:00'), assistantSettings).call.stage,
    ).toBe('submitted');
    const objected = run(inPublicity, [
      [{ type: 'recordObjection', id: 'o1', applicationId: 'a2', text: '有异议' }, clerk, '2026-09-15T10:00:00'],
    ]);
    expect(() => nextCall(objected, { type: 'submit' }, leader, t('2026-09-18T09:00:00'), assistantSettings)).toThrow(
      expect.objectContaining({ code: 'ASSISTANT.OBJECTIONS_OPEN' }),
    );
    const answered = run(objected, [
      [{ type: 'answerObjection', objectionId: 'o1', reply: '不成立', upheld: false }, leader, '2026-09-16T10:00:00'],
    ]);
    expect(nextCall(answered, { type: 'submit' }, leader, t('2026-09-18T09:00:00'), assistantSettings).call.stage).toBe(
      'submitted',
    );
  });

  it("objections only inside the publicity, and each stage's by its owner", () => {
    expect(() =>
      nextCall(
        inPublicity,
        { type: 'recordObjection', id: 'o2', applicationId: null, text: 'x' },
        clerk,
        t('2026-09-17T00:00:00'),
        assistantSettings,
      ),
    ).toThrow(expect.objectContaining({ code: 'ASSISTANT.NOT_IN_PUBLICITY' }));
    expect(() =>
      nextCall(
        inPublicity,
        { type: 'recordObjection', id: 'o2', applicationId: null, text: 'x' },
        affairs,
        t('2026-09-15T00:00:00'),
        assistantSettings,
      ),
    ).toThrow(expect.objectContaining({ code: 'ASSISTANT.NOT_OWNER' }));
  });

  it('the whole way to the confirmed list, every step stamped with who, role and time; repeats change nothing', () => {
    const confirmed = run(inPublicity, [
      [{ type: 'submit' }, leader, '2026-09-17T09:00:00'],
      [{ type: 'review', decision: 'approve', opinion: '' }, affairs, '2026-09-18T09:00:00'],
      [{ type: 'startSchoolPublicity' }, affairs, '2026-09-18T10:00:00'],
      [{ type: 'confirm' }, affairs, '2026-09-21T00:00:00'],
    ]);
    expect(confirmed.stage).toBe('confirmed');
    expect(confirmed.steps.map((s) => `${s.step}:${s.role}`)).toEqual([
      'decide:leader',
      'startCollegePublicity:clerk',
      'submit:leader',
      'review:studentAffairs',
      'startSchoolPublicity:studentAffairs',
      'confirm:studentAffairs',
    ]);
    expect(nextCall(confirmed, { type: 'confirm' }, affairs, t('2026-09-22T00:00:00'), assistantSettings).changed).toBe(
      false,
    );
    expect(
      nextCall(inPublicity, { type: 'startCollegePublicity' }, clerk, t('2026-09-15T00:00:00'), assistantSettings),
    ).toEqual({ call: inPublicity, changed: false });
    expect(
      nextCall(
        decided,
        { type: 'decide', selected: ['a2', 'a1'], eligible: ['a1', 'a2'] },
        leader,
        t('2026-09-15T00:00:00'),
        assistantSettings,
      ).changed,
    ).toBe(false);
    // School publicity: not confirmed on day 3 (2026-09-20), confirmed from 2026-09-21.
    const school = run(inPublicity, [
      [{ type: 'submit' }, leader, '2026-09-17T09:00:00'],
      [{ type: 'review', decision: 'approve', opinion: '' }, affairs, '2026-09-18T09:00:00'],
      [{ type: 'startSchoolPublicity' }, affairs, '2026-09-18T10:00:00'],
    ]);
    expect(() => nextCall(school, { type: 'confirm' }, affairs, t('2026-09-20T23:59:59'), assistantSettings)).toThrow(
      /2026-09-20/,
    );
  });

  it('publicity cannot start before a decision, nor the list be confirmed before the school publicity', () => {
    expect(() =>
      nextCall(fresh, { type: 'startCollegePublicity' }, clerk, t('2026-09-14T00:00:00'), assistantSettings),
    ).toThrow(expect.objectContaining({ code: 'ASSISTANT.WRONG_STAGE' }));
    expect(() => nextCall(decided, { type: 'confirm' }, affairs, t('2026-09-14T00:00:00'), assistantSettings)).toThrow(
      expect.objectContaining({ code: 'ASSISTANT.WRONG_STAGE' }),
    );
  });
});
