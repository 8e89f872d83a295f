import { expect } from '@jest/globals';
import {
  assignmentToChange,
  checkClassFree,
  isRepeatFiling,
  outgoingOf,
  requireIncoming,
} from '../../../cloudfunctions/core/assistants';

const assignment = { classId: 'cls-1', assistantUserId: 'u-first', assistantName: '研究生甲' };

describe('filing a change of assistant (rules: 000-7.2)', () => {
  it('needs the class assigned this school year', () => {
    expect(assignmentToChange([assignment], 'cls-1')).toBe(assignment);
    expect(() => assignmentToChange([assignment], 'cls-2')).toThrow(
      expect.objectContaining({ code: 'ASSISTANT.NOT_ASSIGNED', field: 'classId' }),
    );
  });

  it('the same filing again is a repeat; another person for the same class and month is refused', () => {
    expect(isRepeatFiling(undefined, 'u-next')).toBe(false);
    expect(isRepeatFiling({ incomingUserId: 'u-next' }, 'u-next')).toBe(true);
    expect(() => isRepeatFiling({ incomingUserId: 'u-next' }, 'u-other')).toThrow(
      expect.objectContaining({ code: 'ASSISTANT.CHANGE_EXISTS', field: 'classId' }),
    );
  });

  it('the outgoing person is the latest confirmed replacement, else the one assigned', () => {
    expect(outgoingOf([], assignment)).toEqual({ id: 'u-first', name: '研究生甲' });
    const changes = [
      {
        classId: 'cls-1',
        stage: 'confirmed' as const,
        effectiveMonth: '2027-03',
        incomingUserId: 'u-second',
        incomingName: '研究生乙',
      },
      {
        classId: 'cls-1',
        stage: 'confirmed' as const,
        effectiveMonth: '2028-03',
        incomingUserId: 'u-third',
        incomingName: '研究生丙',
      },
      {
        classId: 'cls-1',
        stage: 'filed' as const,
        effectiveMonth: '2029-03',
        incomingUserId: 'u-fourth',
        incomingName: '研究生丁',
      },
      {
        classId: 'cls-9',
        stage: 'confirmed' as const,
        effectiveMonth: '2030-03',
        incomingUserId: 'u-else',
        incomingName: '别班',
      },
    ];
    expect(outgoingOf(changes, assignment)).toEqual({ id: 'u-third', name: '研究生丙' });
  });

  it('the incoming person is a graduate of the same college', () => {
    const graduate = { graduate: { collegeId: 'life' } };
    expect(requireIncoming(graduate, 'life')).toBe(graduate);
    expect(() => requireIncoming(graduate, 'chem')).toThrow(
      expect.objectContaining({ code: 'ASSISTANT.NOT_GRADUATE', field: 'incomingUserId' }),
    );
    expect(() => requireIncoming(null, 'life')).toThrow(expect.objectContaining({ code: 'ASSISTANT.NOT_GRADUATE' }));
  });
});

describe('assigning a class (rules: 000-5.1)', () => {
  it('a class another call assigned meanwhile is refused inside the write', () => {
    expect(() => checkClassFree(false, '生科2201')).not.toThrow();
    expect(() => checkClassFree(true, '生科2201')).toThrow(
      expect.objectContaining({
        code: 'ASSISTANT.CLASS_TAKEN',
        field: 'classId',
        message: expect.stringContaining('生科2201已配备学业助理'),
      }),
    );
  });
});
