import { PhoneExchangeError, type PhoneNumberExchange } from '../../../cloudfunctions/platform/identity/phone-number';
import { classRows, staffRows, studentRows } from '../../support/college-files';
import { openFreshInstall, type FreshInstall } from '../../support/fresh-install';

/** In WeChat a parent binds by proving the phone (getPhoneNumber); the typed check stays for H5. */
describe('parent binding by the phone WeChat verified', () => {
  let f: FreshInstall;
  let code = '';
  // WeChat's answer per button code, as the cloud's getPhoneNumber would give it.
  const wechat: PhoneNumberExchange = {
    async exchange(phoneCode) {
      const numbers: Record<string, string> = { 'code-second-phone': '13900000111', 'code-other-phone': '13800009999' };
      const n = numbers[phoneCode];
      if (!n) throw new PhoneExchangeError(40029, 'invalid code');
      return { phoneNumber: `+86${n}`, purePhoneNumber: n, countryCode: '86' };
    },
  };

  beforeAll(async () => {
    f = await openFreshInstall();
    for (const [kind, rows] of [
      ['staff', staffRows],
      ['classes', classRows],
      ['students', studentRows],
    ] as const)
      await f.ok(f.clerkOpenid, 'roster', 'apply', { kind, fileId: f.upload(rows) });
    const invite = await f.ok(f.clerkOpenid, 'roster', 'createInvite', { userId: 't-T1001' });
    await f.ok('wx-counselor', 'roster', 'join', { code: invite.code, number: 'T1001', name: '周辅导' });
    code = (await f.ok('wx-counselor', 'notices', 'createBindingCode', { studentId: '2024310101' })).code;
  });
  afterAll(() => f.close());
  beforeEach(() => f.clock.advance(60_000));

  it('without WeChat (H5, the local server) the phone proof is unavailable and says to use the typed check', async () => {
    f.phones = undefined;
    expect(
      await f.call('wx-parent', 'notices', 'bindParentByPhone', { code, phoneCode: 'code-second-phone' }),
    ).toMatchObject({ ok: false, code: 'BINDING.PHONE_UNAVAILABLE', field: 'phoneCode' });
  });

  it('a number WeChat cannot verify is refused without using up a try', async () => {
    f.phones = wechat;
    expect(await f.call('wx-parent', 'notices', 'bindParentByPhone', { code, phoneCode: 'expired' })).toMatchObject({
      ok: false,
      code: 'BINDING.PHONE_UNVERIFIED',
    });
    const [row] = await f.store.query('bindingCodes', { where: { studentId: '2024310101' } });
    expect(row?.failedAttempts).toBe(0);
  });

  it('another number is refused, counted on the code, and the counselor is told (masked)', async () => {
    expect(
      await f.call('wx-stranger', 'notices', 'bindParentByPhone', { code, phoneCode: 'code-other-phone' }),
    ).toMatchObject({ ok: false, code: 'BINDING.PHONE_MISMATCH' });
    const [row] = await f.store.query('bindingCodes', { where: { studentId: '2024310101' } });
    expect(row?.failedAttempts).toBe(1);
    const told = await f.store.query('outbox', { where: { subjectId: '2024310101' } });
    expect(told.map((m) => [m.kind, m.toUserId, m.data.phone, m.data.student])).toEqual([
      ['bindingPhoneMismatch', 't-T1001', '138****9999', '孙一鸣（2024310101）'],
    ]);
    expect(await f.store.query('users', { where: { openid: 'wx-stranger' } })).toEqual([]);
  });

  it("the second phone on file is the parent's: bound, and the code is used", async () => {
    const bound = await f.ok('wx-parent', 'notices', 'bindParentByPhone', { code, phoneCode: 'code-second-phone' });
    expect(bound).toMatchObject({ studentId: '2024310101', studentName: '孙一鸣' });
    const [parent] = await f.store.query('users', { where: { openid: 'wx-parent' } });
    expect(parent?.grants).toEqual([{ role: 'parent', childIds: ['2024310101'] }]);
    expect(
      await f.call('wx-parent-2', 'notices', 'bindParentByPhone', { code, phoneCode: 'code-second-phone' }),
    ).toMatchObject({ ok: false, code: 'BINDING.USED' });
  });
});
