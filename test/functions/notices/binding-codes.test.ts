import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';

describe('parent binding codes', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeEach(async () => {
    h = await openEmptyHarness();
    // 钱二妹 of 生工251班 has no bound parent yet; 孙一鸣's parent is bound (p-2025311001).
    people = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00');
  });
  afterEach(async () => h.close());

  const newCode = async (studentId = people.classmate._id, days?: number) =>
    (await h.ok(people.counselorUser, 'notices', 'createBindingCode', { studentId, ...(days ? { days } : {}) })).code;
  type Proof = { studentNo: string; parentName: string };
  // The typed proof (issue 9): the child's 学号 and the parent's name as registered, not phone digits.
  const proofOf = (s: { _id: string; parentName: string }): Proof => ({ studentNo: s._id, parentName: s.parentName });
  const wrongProof = (i = 0): Proof => ({
    studentNo: people.classmate._id,
    parentName: `${people.classmate.parentName}${i}`,
  });
  const bind = (who: string | null, code: string, proof: Proof) =>
    h.callAs(who, 'notices', 'bindParent', { code, ...proof });

  it.each<[string, (code: string) => Promise<{ who: string | null; code: string; digits: Proof }>, string]>([
    [
      'expired (default 7 days)',
      async (code) => (h.clock.advance(7 * 86_400_000), { who: 'wx-a', code, digits: proofOf(people.classmate) }),
      'BINDING.EXPIRED',
    ],
    [
      'already used',
      async (code) => (
        await bind('wx-first', code, proofOf(people.classmate)),
        { who: 'wx-second', code, digits: proofOf(people.classmate) }
      ),
      'BINDING.USED',
    ],
    [
      "confirmed with another student's 学号 and parent",
      async (code) => ({ who: 'wx-a', code, digits: proofOf(people.outsider) }),
      'BINDING.PROOF_MISMATCH',
    ],
    [
      'confirmed with the right 学号 but another parent name',
      async (code) => ({
        who: 'wx-a',
        code,
        digits: {
          studentNo: people.classmate._id,
          parentName: people.outsider.parentName === people.classmate.parentName ? '某某' : people.outsider.parentName,
        },
      }),
      'BINDING.PROOF_MISMATCH',
    ],
    [
      "confirmed with the phone's last 4 digits as before",
      async (code) => ({
        who: 'wx-a',
        code,
        digits: { studentNo: people.classmate.parentPhone.slice(-4), parentName: people.classmate.parentName },
      }),
      'BINDING.PROOF_MISMATCH',
    ],
    [
      "used from the student's own WeChat",
      async (code) => ({ who: people.classmateUser, code, digits: proofOf(people.classmate) }),
      'BINDING.STUDENT_WECHAT',
    ],
    [
      "used from a classmate's WeChat",
      async (code) => ({ who: people.studentUser, code, digits: proofOf(people.classmate) }),
      'BINDING.STUDENT_WECHAT',
    ],
    [
      "used from the counselor's own WeChat",
      async (code) => ({ who: people.counselorUser, code, digits: proofOf(people.classmate) }),
      'BINDING.STAFF_WECHAT',
    ],
    [
      "used from the head teacher's WeChat",
      async (code) => ({ who: people.headTeacherUser, code, digits: proofOf(people.classmate) }),
      'BINDING.STAFF_WECHAT',
    ],
    [
      "used from the assistant's WeChat",
      async (code) => ({ who: people.assistantUser, code, digits: proofOf(people.classmate) }),
      'BINDING.STAFF_WECHAT',
    ],
    [
      "used from the clerk's WeChat",
      async (code) => ({ who: people.clerkUser, code, digits: proofOf(people.classmate) }),
      'BINDING.STAFF_WECHAT',
    ],
    [
      "used from the leader's WeChat",
      async (code) => ({ who: people.leaderUser, code, digits: proofOf(people.classmate) }),
      'BINDING.STAFF_WECHAT',
    ],
    [
      'mistyped',
      async (code) => ({
        who: 'wx-a',
        code: code.replace(/.$/, (c) => (c === 'Z' ? 'Y' : 'Z')),
        digits: proofOf(people.classmate),
      }),
      'BINDING.INVALID',
    ],
    [
      'without a WeChat identity',
      async (code) => ({ who: null, code, digits: proofOf(people.classmate) }),
      'AUTH.REQUIRED',
    ],
  ])('a code %s is refused', async (_name, setup, expected) => {
    const attempt = await setup(await newCode());
    const result = await bind(attempt.who, attempt.code, attempt.digits);
    expect(result).toMatchObject({ ok: false, code: expected });
  });

  it('wrong proofs burn the code after the configured number of tries', async () => {
    const code = await newCode();
    for (let i = 0; i < 5; i++)
      expect(await bind('wx-guess', code, wrongProof(i))).toMatchObject({ code: 'BINDING.PROOF_MISMATCH' });
    expect(await bind('wx-guess', code, proofOf(people.classmate))).toMatchObject({ code: 'BINDING.LOCKED' });
  });

  it.each([3, 12])('%i wrong guesses sent at once are each counted, and lock the code at the limit', async (n) => {
    const code = await newCode();
    const right = proofOf(people.classmate);
    const wrongs = Array.from({ length: n }, (_, i) => wrongProof(i));
    const results = await Promise.all(wrongs.map((d, i) => bind(`wx-guess-${i}`, code, d)));
    const limit = 5;
    expect(results.filter((r) => !r.ok && r.code === 'BINDING.PROOF_MISMATCH')).toHaveLength(
      Math.min(wrongs.length, limit),
    );
    expect(results.every((r) => !r.ok && ['BINDING.PROOF_MISMATCH', 'BINDING.LOCKED'].includes(r.code))).toBe(true);
    const [row] = await h.store.query('bindingCodes', { where: { studentId: people.classmate._id } });
    expect(row?.failedAttempts).toBe(Math.min(wrongs.length, limit));
    expect(await bind('wx-parent', code, right)).toMatchObject(
      wrongs.length >= limit ? { ok: false, code: 'BINDING.LOCKED' } : { ok: true },
    );
  });

  it('two codes made at once for one student leave only the later one live', async () => {
    const [a, b] = await Promise.all([newCode(), newCode()]);
    const live = await h.store.query('bindingCodes', { where: { studentId: people.classmate._id, revoked: false } });
    expect(live).toHaveLength(1);
    const outcomes = await Promise.all([
      bind('wx-a', a, proofOf(people.classmate)),
      bind('wx-b', b, proofOf(people.classmate)),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ code: 'BINDING.INVALID' });
  });

  it('a new code revokes the earlier unused one; the code is stored only as a hash', async () => {
    const first = await newCode();
    const second = await newCode();
    expect(await bind('wx-a', first, proofOf(people.classmate))).toMatchObject({ code: 'BINDING.INVALID' });
    expect(await bind('wx-a', second, proofOf(people.classmate))).toMatchObject({ ok: true });
    const stored = await h.store.query('bindingCodes');
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(row._id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(second.replace('-', ''));
  });

  it('a custom validity is honoured', async () => {
    const code = await newCode(people.classmate._id, 1);
    h.clock.advance(86_400_000 + 1);
    expect(await bind('wx-a', code, proofOf(people.classmate))).toMatchObject({ code: 'BINDING.EXPIRED' });
  });

  it('binding extends an existing parent user (a sibling) without flagging', async () => {
    const code = await newCode(people.classmate._id);
    // The bound parent of the first student binds a second child: the parent phones on file differ → flagged.
    expect(await bind(people.parentUser, code, proofOf(people.classmate))).toMatchObject({ ok: true });
    const user = await h.store.get('users', people.parentUser);
    expect(user?.grants).toEqual([{ role: 'parent', childIds: [people.student._id, people.classmate._id] }]);
    const binding = await h.store.get('parentBindings', `${people.classmate._id}:${people.parentUser}`);
    expect(people.student.parentPhone).not.toBe(people.classmate.parentPhone);
    expect(binding?.flags).toEqual(['parentOfUnrelatedStudents']);
  });

  it('only the counselor of the class can create a code; they get the number on file to call', async () => {
    expect(
      await h.callAs(people.otherCounselorUser, 'notices', 'createBindingCode', { studentId: people.classmate._id }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect(
      await h.callAs(people.headTeacherUser, 'notices', 'createBindingCode', { studentId: people.classmate._id }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    const issued = await h.ok(people.counselorUser, 'notices', 'createBindingCode', {
      studentId: people.classmate._id,
    });
    // Issue 9: the counselor is told to phone the parent, so they see the number (the proof no longer uses its digits).
    expect(issued.parentPhone).toBe(people.classmate.parentPhone);
    expect(issued.parentPhoneMasked).toBe(
      `${people.classmate.parentPhone.slice(0, 3)}${'*'.repeat(people.classmate.parentPhone.length - 3)}`,
    );
  });
});
