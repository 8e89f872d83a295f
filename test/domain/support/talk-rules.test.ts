import fc from 'fast-check';
import { DomainError } from '../../../cloudfunctions/core/errors';
import {
  checkTalk,
  difficultyFromTalk,
  fullTalkRecord,
  MAX_TALK_AGE_DAYS,
} from '../../../cloudfunctions/core/support/talk-rules';
import type { TalkInput } from '../../../types/support';

const NOW = '2026-11-20T15:00:00.000+08:00';
const nowMs = Date.parse(NOW);

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const input = (extra: Partial<TalkInput> = {}): TalkInput => ({
  studentId: '1',
  talkerRole: 'counselor',
  initiatedBy: 'teacher',
  mode: 'faceToFace',
  topics: ['academics'],
  otherTopic: '忽略',
  at: NOW,
  place: '办公室',
  minutes: 30,
  firstImpression: '',
  content: '谈补考',
  measures: '',
  confirmed: true,
  ...extra,
});

describe('a full-form talk record', () => {
  const held = { heldRoles: ['counselor' as const], maySetDifficulty: true };

  it.each<[string, Partial<TalkInput>, Partial<typeof held>, string | null]>([
    ['as a role held in the class', {}, {}, null],
    ['not as a role not held', { talkerRole: 'headTeacher' }, {}, 'TALK.TALKER_ROLE'],
    ['not as a tutor (no such role yet)', { talkerRole: 'tutor' }, {}, 'TALK.TALKER_ROLE'],
    [
      'the difficulty type only by those who set it',
      { difficulty: 'ability' },
      { maySetDifficulty: false },
      'ACCESS.DENIED',
    ],
    [
      'ten minutes ahead of the server is slack, not the future',
      { at: new Date(nowMs + 10 * 60_000).toISOString() },
      {},
      null,
    ],
    ['later than that is the future', { at: new Date(nowMs + 11 * 60_000).toISOString() }, {}, 'TALK.IN_FUTURE'],
    [
      'older than the limit is refused',
      { at: new Date(nowMs - (MAX_TALK_AGE_DAYS + 1) * 86_400_000).toISOString() },
      {},
      'TALK.TOO_OLD',
    ],
  ])('%s', (_name, patch, factPatch, code) => {
    expect(codeOf(() => checkTalk(input(patch), { ...held, ...factPatch }, NOW))).toBe(code);
  });

  it('any time within the last 30 days is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_TALK_AGE_DAYS * 86_400_000, max: 10 * 60_000 }), (offset) => {
        expect(codeOf(() => checkTalk(input({ at: new Date(nowMs + offset).toISOString() }), held, NOW))).toBeNull();
      }),
    );
  });

  it('is stored with its n-th number with this talker, the other topic only when chosen, and the difficulty points to it', () => {
    const earlier = [
      { _id: 't0', studentId: '1', actorId: 't-c', at: '2026-11-01T10:00:00.000+08:00' },
      { _id: 'tx', studentId: '1', actorId: 't-h', at: '2026-11-02T10:00:00.000+08:00' },
    ];
    const doc = fullTalkRecord(input(), {
      student: { _id: '1', name: '张三', classId: 'c1', collegeId: 'life' },
      talker: { userId: 't-c', name: '林老师' },
      talks: earlier,
      now: NOW,
    });
    expect(doc).toMatchObject({
      kind: 'talk',
      nth: 2,
      otherTopic: '',
      confirmedAt: NOW,
      receivedAt: NOW,
      at: NOW,
      studentName: '张三',
    });
    expect(doc).not.toHaveProperty('meetingId');
    expect(difficultyFromTalk({ ...doc, _id: 'talk-9' }, 'ability', NOW)).toMatchObject({
      talkId: 'talk-9',
      note: '谈话中认定（第 2 次谈话）',
      type: 'ability',
    });
  });
});
