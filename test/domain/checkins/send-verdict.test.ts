import { keptReason, sendVerdict } from '../../../src/packages/staff/checkin/_components/send-verdict';

describe('offline queue: what a failed send does to a waiting check-in', () => {
  it.each([
    ['no answer at all (offline, timeout)', null, 'keep'],
    ['session expired', 'AUTH.REQUIRED', 'keep'],
    ['concurrent write', 'STORE.VERSION_CONFLICT', 'keep'],
    ['server fault', 'INTERNAL', 'keep'],
    ['unreadable answer', 'TRANSPORT.BAD_RESPONSE', 'keep'],
    ['action unknown to an older server', 'ACTION.UNKNOWN', 'keep'],
    ['a code this app does not know', 'SOMETHING.NEW', 'keep'],
    ['bad input', 'INPUT.INVALID', 'drop'],
    ['no access to the class', 'ACCESS.DENIED', 'drop'],
    ['dorm gone', 'NOT_FOUND', 'drop'],
    ['dorm not of the class', 'CHECKIN.DORM_NOT_OF_CLASS', 'drop'],
  ] as const)('%s (%s) → %s', (_label, code, verdict) => {
    expect(sendVerdict(code)).toBe(verdict);
  });

  it.each([
    ['AUTH.REQUIRED', '请先登录', '登录已过期，请重新登录后补交'],
    [null, 'Failed to fetch', '网络不可用'],
    ['INTERNAL', '服务暂时不可用，请稍后再试', '服务暂时不可用，请稍后再试'],
  ] as const)('a kept check-in says why (%s)', (code, message, reason) => {
    expect(keptReason(code, message)).toBe(reason);
  });
});
