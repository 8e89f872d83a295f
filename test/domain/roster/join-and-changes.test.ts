import { expect } from '@jest/globals';
import { checkAssistantRoom, MAX_ASSISTANT_CLASSES } from '../../../cloudfunctions/core/roster/assistant-limit';
import { classMove, requireMoveRecords } from '../../../cloudfunctions/core/roster/class-move';
import { requireCollege } from '../../../cloudfunctions/core/roster/college-required';
import { checkInvitable } from '../../../cloudfunctions/core/roster/invite';
import {
  checkJoined,
  checkJoiner,
  checkRetry,
  inviteeOf,
  JOIN_CONFLICT_RETRIES,
  stillUnjoined,
} from '../../../cloudfunctions/core/roster/join';
import { requireUsable } from '../../../cloudfunctions/core/roster/roster-file';

describe('invites and joining', () => {
  it('no invite for someone who already joined', () => {
    expect(() => checkInvitable({ name: '王芳' }, false)).not.toThrow();
    expect(() => checkInvitable({ name: '王芳' }, true)).toThrow(
      expect.objectContaining({
        code: 'INVITE.ALREADY_JOINED',
        field: 'userId',
        message: '王芳已用微信加入，无需邀请码',
      }),
    );
  });

  it('joining needs a WeChat that is nobody yet', () => {
    expect(() => checkJoiner(undefined, null)).toThrow(expect.objectContaining({ code: 'AUTH.REQUIRED' }));
    expect(() => checkJoiner('', null)).toThrow(expect.objectContaining({ code: 'AUTH.REQUIRED' }));
    expect(() => checkJoiner('wx-1', { name: '李老师' })).toThrow(
      expect.objectContaining({ code: 'INVITE.WECHAT_TAKEN', message: expect.stringContaining('李老师') }),
    );
    expect(() => checkJoiner('wx-1', null)).not.toThrow();
  });

  it('a code whose person is gone reads as a wrong code; a person who joined meanwhile is refused', () => {
    expect(() => inviteeOf(null)).toThrow(expect.objectContaining({ code: 'INVITE.INVALID', field: 'code' }));
    expect(inviteeOf({ _id: 'u1' })).toEqual({ _id: 'u1' });
    const joined = (u: { openid: string }) => !u.openid.startsWith('pending:');
    expect(stillUnjoined({ openid: 'pending:u1' }, joined)).toEqual({ openid: 'pending:u1' });
    expect(() => stillUnjoined({ openid: 'wx-2' }, joined)).toThrow(
      expect.objectContaining({ code: 'INVITE.USED', field: 'code' }),
    );
    expect(() => stillUnjoined(null, joined)).toThrow(expect.objectContaining({ code: 'INVITE.USED' }));
  });

  it('a wrong proof names the number field; racing writes give up after the last retry', () => {
    expect(() => checkJoined(true)).not.toThrow();
    expect(() => checkJoined(false)).toThrow(
      expect.objectContaining({ code: 'INVITE.PROOF_MISMATCH', field: 'number' }),
    );
    expect(() => checkRetry(JOIN_CONFLICT_RETRIES - 1)).not.toThrow();
    expect(() => checkRetry(JOIN_CONFLICT_RETRIES)).toThrow(
      expect.objectContaining({ code: 'INVITE.BUSY', field: 'code' }),
    );
  });
});

describe('single roster changes', () => {
  it('a student moves only within the college; into their own class nothing happens', () => {
    const student = { classId: 'cls-a', collegeId: 'life' };
    expect(classMove(student, { _id: 'cls-b', collegeId: 'life' })).toBe('move');
    expect(classMove(student, { _id: 'cls-a', collegeId: 'life' })).toBe('same');
    expect(() => classMove(student, { _id: 'cls-x', collegeId: 'chem' })).toThrow(
      expect.objectContaining({ code: 'ROSTER.OTHER_COLLEGE', field: 'classId' }),
    );
  });

  it('the move needs both records still there inside its transaction', () => {
    expect(requireMoveRecords({ s: 1 }, { c: 2 })).toEqual({ student: { s: 1 }, into: { c: 2 } });
    expect(() => requireMoveRecords(null, { c: 2 })).toThrow(
      expect.objectContaining({ code: 'ROSTER.NOT_FOUND', field: 'studentId' }),
    );
    expect(() => requireMoveRecords({ s: 1 }, null)).toThrow(expect.objectContaining({ code: 'ROSTER.NOT_FOUND' }));
  });

  it('an assistant already at the class limit takes no more', () => {
    expect(() => checkAssistantRoom('研究生甲', MAX_ASSISTANT_CLASSES - 1)).not.toThrow();
    expect(() => checkAssistantRoom('研究生甲', MAX_ASSISTANT_CLASSES)).toThrow(
      expect.objectContaining({
        code: 'ROSTER.ASSISTANT_FULL',
        field: 'userId',
        message: expect.stringContaining(`最多 ${MAX_ASSISTANT_CLASSES} 个班`),
      }),
    );
  });
});

describe('roster files and colleges', () => {
  it('an unusable file is refused with its reason; a school-wide caller must name the college', () => {
    const ok = { ok: true as const, rows: 3 };
    expect(requireUsable(ok)).toBe(ok);
    expect(() => requireUsable({ ok: false, message: '文件是空的：没有表头和数据' })).toThrow(
      expect.objectContaining({ code: 'ROSTER.FILE_UNUSABLE', field: 'fileId', message: '文件是空的：没有表头和数据' }),
    );
    expect(requireCollege('life')).toBe('life');
    expect(() => requireCollege(null)).toThrow(
      expect.objectContaining({ code: 'ROSTER.COLLEGE_REQUIRED', field: 'collegeId' }),
    );
  });
});
