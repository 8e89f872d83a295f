import { expect } from '@jest/globals';
import { functions } from '../../cloudfunctions/registry';
import { openEmptyHarness, type EmptyHarness } from '../support/harness';
import { seedTwoClasses, type TwoClasses } from '../support/build/two-classes';

/** Bad input gets a clear error (code, field, Chinese message) and writes nothing. */
describe('handler input', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterAll(() => h.close());

  const snapshot = async () => {
    const names = ['users', 'students', 'classes', 'grades', 'outbox'] as const;
    return Promise.all(names.map((n) => h.store.count(n)));
  };

  it.each([
    ['missing field', {}, 'studentId', /缺少编号/],
    ['wrong type', { studentId: 12345 }, 'studentId', /编号应为文字/],
    ['empty string', { studentId: '   ' }, 'studentId', /不能为空/],
    ['oversized string', { studentId: 'x'.repeat(65) }, 'studentId', /过长/],
  ])('%s → INPUT.INVALID naming the field, nothing written', async (_label, input, field, message) => {
    const before = await snapshot();
    const result = await h.callAs(p.counselorUser, 'campus', 'student', input);
    expect(result).toEqual({ ok: false, code: 'INPUT.INVALID', field, message: expect.stringMatching(message) });
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown action gets ACTION.UNKNOWN, distinct from access and input errors', async () => {
    const result = await h.callAs(p.counselorUser, 'campus', 'dropEverything' as 'student', {});
    expect(result).toMatchObject({ ok: false, code: 'ACTION.UNKNOWN', field: 'action' });
  });

  it('a malformed event gets ACTION.UNKNOWN', async () => {
    for (const event of [
      null,
      'student',
      42,
      { input: {} },
      { action: 7 },
      { action: '__proto__' },
      { action: 'toString' },
    ]) {
      const result = await functions.campus?.dispatch(event, {
        store: h.store,
        clock: h.clock,
        files: h.files,
        openid: `demo:${p.counselorUser}`,
      });
      expect(result).toMatchObject({ ok: false, code: 'ACTION.UNKNOWN' });
    }
  });

  it('every message for people is Chinese', async () => {
    const result = await h.callAs(p.counselorUser, 'campus', 'student', { studentId: 1 });
    if (result.ok) throw new Error('expected failure');
    expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
