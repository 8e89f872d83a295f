import fc from 'fast-check';
import { transition, type NoticeEvent, type NoticeState } from '../../../cloudfunctions/core/notices/workflow';
import { DomainError } from '../../../cloudfunctions/core/errors';

const T0 = '2026-11-23T10:00:00.000+08:00';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

const fresh: NoticeState = {
  status: 'issued',
  readAt: null,
  ack: null,
  objection: null,
  parentReadAt: null,
  receipt: null,
  phoneContacts: [],
  flags: [],
};

function apply(state: NoticeState, events: NoticeEvent[]): NoticeState {
  return events.reduce((s, e) => ({ ...s, ...transition(s, e).patch }), state);
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'OK';
}

const receipt = (seconds: number, deviceId: string, message = ''): NoticeEvent => ({
  type: 'receipt',
  at: at(seconds),
  parentUserId: 'p-1',
  parentName: '家长',
  message,
  deviceId,
  quickSeconds: 60,
});

describe('notice workflow', () => {
  it('signing records the time and counts as read', () => {
    const s = apply(fresh, [{ type: 'acknowledge', at: T0, deviceId: 'dev-student' }]);
    expect(s.ack).toEqual({ at: T0, deviceId: 'dev-student' });
    expect(s.readAt).toBe(T0);
  });

  it('signing twice keeps the first signature time (any number of repeats)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 10 }), (later) => {
        const s = apply(fresh, [
          { type: 'acknowledge', at: T0, deviceId: 'a' },
          ...later.map((n): NoticeEvent => ({ type: 'acknowledge', at: at(n), deviceId: `d${n}` })),
        ]);
        expect(s.ack).toEqual({ at: T0, deviceId: 'a' });
      }),
    );
  });

  it.each<[string, NoticeEvent[], NoticeEvent, string]>([
    [
      'object after signing',
      [{ type: 'acknowledge', at: T0, deviceId: 'a' }],
      { type: 'object', at: at(5), reason: 'x' },
      'NOTICE.ALREADY_ACKNOWLEDGED',
    ],
    [
      'sign while the objection is open',
      [{ type: 'object', at: T0, reason: '成绩有误' }],
      { type: 'acknowledge', at: at(5), deviceId: 'a' },
      'NOTICE.OBJECTION_OPEN',
    ],
    [
      'resolve with nothing open',
      [],
      { type: 'resolveObjection', at: T0, by: 't', byName: '秘书', decision: 'confirm', note: '' },
      'NOTICE.NO_OPEN_OBJECTION',
    ],
    [
      'object again after an answer',
      [
        { type: 'object', at: T0, reason: '成绩有误' },
        { type: 'resolveObjection', at: at(60), by: 't', byName: '秘书', decision: 'confirm', note: '核实无误' },
      ],
      { type: 'object', at: at(120), reason: '还是有误' },
      'NOTICE.OBJECTION_RESOLVED',
    ],
    [
      'sign a corrected (superseded) notice',
      [
        { type: 'object', at: T0, reason: '成绩有误' },
        { type: 'resolveObjection', at: at(60), by: 't', byName: '秘书', decision: 'correct', note: '已更正' },
      ],
      { type: 'acknowledge', at: at(120), deviceId: 'a' },
      'NOTICE.SUPERSEDED',
    ],
  ])('refuses to %s', (_name, before, event, code) => {
    const s = apply(fresh, before);
    expect(codeOf(() => transition(s, event))).toBe(code);
  });

  it('an objection goes open → confirmed, after which the student can sign', () => {
    const s = apply(fresh, [
      { type: 'object', at: T0, reason: '大学物理补考已通过' },
      {
        type: 'resolveObjection',
        at: at(60),
        by: 't-clerk',
        byName: '秘书',
        decision: 'confirm',
        note: '补考成绩为 52 分，核实无误',
      },
      { type: 'acknowledge', at: at(120), deviceId: 'a' },
    ]);
    expect(s.objection).toMatchObject({
      state: 'confirmed',
      reason: '大学物理补考已通过',
      note: '补考成绩为 52 分，核实无误',
      resolvedBy: 't-clerk',
    });
    expect(s.ack?.at).toBe(at(120));
  });

  it('a correction supersedes the notice', () => {
    const s = apply(fresh, [
      { type: 'object', at: T0, reason: '成绩有误' },
      { type: 'resolveObjection', at: at(60), by: 't', byName: '秘书', decision: 'correct', note: '已更正' },
    ]);
    expect(s.status).toBe('superseded');
    expect(s.objection?.state).toBe('corrected');
  });

  it.each([
    ['same device, 20 s after signing', 20, 'dev-1', true],
    ['same device, 60 s after signing', 60, 'dev-1', true],
    ['same device, 10 minutes later', 600, 'dev-1', false],
    ['another device, 5 s later', 5, 'dev-2', false],
  ])('a receipt from the %s is flagged: %s', (_name, seconds, device, flagged) => {
    const s = apply(fresh, [{ type: 'acknowledge', at: T0, deviceId: 'dev-1' }, receipt(seconds, device)]);
    expect(s.flags.includes('receiptRightAfterAck')).toBe(flagged);
    expect(s.receipt?.at).toBe(at(seconds));
  });

  it('the first receipt stands', () => {
    const s = apply(fresh, [receipt(10, 'x'), receipt(500, 'y', '第二次')]);
    expect(s.receipt).toMatchObject({ at: at(10), deviceId: 'x', message: '' });
  });

  it('phone contacts accumulate', () => {
    const contact = { at: T0, by: 't', byName: '辅导员', summary: '已电话告知', recordedAt: T0 };
    const s = apply(fresh, [
      { type: 'phoneContact', contact },
      { type: 'phoneContact', contact: { ...contact, summary: '跟进' } },
    ]);
    expect(s.phoneContacts.map((c) => c.summary)).toEqual(['已电话告知', '跟进']);
  });

  it.each<[string, { by: string; clientId?: string }, { by: string; clientId?: string }, number]>([
    ['a resend with the same client key', { by: 't', clientId: 'call-0001' }, { by: 't', clientId: 'call-0001' }, 1],
    ['two records with different keys', { by: 't', clientId: 'call-0001' }, { by: 't', clientId: 'call-0002' }, 2],
    ['the same key from two people', { by: 't', clientId: 'call-0001' }, { by: 'u', clientId: 'call-0001' }, 2],
    ['two records without a key', { by: 't' }, { by: 't' }, 2],
  ])('phone contacts: %s → %i kept', (_name, first, second, kept) => {
    const contact = { at: T0, byName: '辅导员', summary: '已电话告知', recordedAt: T0 };
    const s = apply(fresh, [
      { type: 'phoneContact', contact: { ...contact, ...first } },
      { type: 'phoneContact', contact: { ...contact, ...second, summary: '重发' } },
    ]);
    expect(s.phoneContacts).toHaveLength(kept);
    expect(s.phoneContacts[0]?.summary).toBe('已电话告知');
  });

  it('a resend of a recorded phone contact is not refused after the notice was superseded', () => {
    const contact = { at: T0, by: 't', byName: '辅导员', summary: '已电话告知', recordedAt: T0, clientId: 'call-0001' };
    const recorded = apply(fresh, [{ type: 'phoneContact', contact }]);
    expect(transition({ ...recorded, status: 'superseded' }, { type: 'phoneContact', contact })).toEqual({
      patch: {},
      changed: false,
    });
  });
});
