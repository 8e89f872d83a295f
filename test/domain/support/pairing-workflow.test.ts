import fc from 'fast-check';
import { DomainError } from '../../../cloudfunctions/core/errors';
import {
  applyPairing,
  decidePairingStage,
  type PairingFacts,
  type PairingStudent,
} from '../../../cloudfunctions/core/support/pairing-workflow';
import type { PairingInput, PairingStage } from '../../../types/support';

const s = (id: string, classId = 'c1', collegeId = 'life'): PairingStudent => ({
  _id: id,
  name: `学生${id}`,
  classId,
  collegeId,
});
const input = (extra: Partial<PairingInput> = {}): PairingInput => ({
  helperId: 'h',
  helpeeIds: ['a', 'b'],
  difficulty: 'ability',
  reason: '高数跟不上',
  plan: '每周两次辅导',
  bankName: '中国银行',
  bankAccount: '6222020200112233445',
  ...extra,
});
const facts = (extra: Partial<PairingFacts> = {}): PairingFacts => ({
  students: new Map([s('h', 'c2'), s('a'), s('b')].map((x) => [x._id, x])),
  served: new Set(['a', 'b']),
  helperWarning: null,
  ...extra,
});

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return `${e.code}${e.field ? `@${e.field}` : ''}`;
    throw e;
  }
}

describe('peer pairing application', () => {
  it('makes the form of the first helpee’s class, waiting for the class stage', () => {
    const form = applyPairing(input(), facts(), { userId: 't-c' }, '2026-11-20T09:00:00.000+08:00');
    expect(form).toMatchObject({
      helperId: 'h',
      helperName: '学生h',
      helpeeIds: ['a', 'b'],
      helpeeNames: ['学生a', '学生b'],
      classId: 'c1',
      collegeId: 'life',
      status: 'applied',
      approvals: [],
      actorId: 't-c',
    });
    expect(form).not.toHaveProperty('bankAccount');
  });

  it.each<[string, Partial<PairingInput>, Partial<PairingFacts>, string]>([
    ['an unknown helper', { helperId: 'x' }, {}, 'PAIRING.HELPER_UNKNOWN@helperId'],
    ['an unknown helpee, named by position', { helpeeIds: ['a', 'x'] }, {}, 'PAIRING.HELPEE_UNKNOWN@helpeeIds.1'],
    ['a helpee the applicant does not serve', {}, { served: new Set(['a']) }, 'ACCESS.DENIED'],
    [
      'a helper of another college',
      {},
      { students: new Map([s('h', 'c9', 'chem'), s('a'), s('b')].map((x) => [x._id, x])) },
      'PAIRING.HELPER_COLLEGE@helperId',
    ],
    [
      'a helper under a warning',
      {},
      { helperWarning: { status: 'active', levelName: '书面警示' } },
      'PAIRING.HELPER_WARNED@helperId',
    ],
  ])('refuses %s', (_name, patch, factPatch, code) => {
    expect(
      codeOf(() => applyPairing(input(patch), facts(factPatch), { userId: 't-c' }, '2026-11-20T09:00:00.000+08:00')),
    ).toBe(code);
  });

  it('a lifted warning does not stop a helper', () => {
    expect(
      codeOf(() =>
        applyPairing(
          input(),
          facts({ helperWarning: { status: 'lifted', levelName: '书面警示' } }),
          { userId: 't-c' },
          '2026-11-20T09:00:00.000+08:00',
        ),
      ),
    ).toBeNull();
  });
});

describe('peer pairing approvals', () => {
  const by = { userId: 't-h', name: '王老师' };
  it('each stage appends its decision; out of turn is refused and changes nothing', () => {
    const stages: PairingStage[] = ['class', 'college', 'school'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...stages), fc.constantFrom<'approve' | 'reject'>('approve', 'reject')), {
          maxLength: 5,
        }),
        (steps) => {
          let p: Parameters<typeof decidePairingStage>[0] = { status: 'applied', approvals: [] };
          for (const [stage, decision] of steps) {
            const before = p;
            try {
              p = decidePairingStage(p, stage, { decision, opinion: '同意' }, by, '2026-11-21T09:00:00.000+08:00');
              expect(p.approvals).toEqual([
                ...before.approvals,
                {
                  stage,
                  decision,
                  opinion: '同意',
                  byId: 't-h',
                  byName: '王老师',
                  at: '2026-11-21T09:00:00.000+08:00',
                },
              ]);
            } catch (e) {
              if (!(e instanceof DomainError)) throw e;
              expect(e.code).toBe('PAIRING.OUT_OF_ORDER');
              expect(p).toBe(before);
            }
          }
          // Approvals come in chain order, and nothing follows a rejection.
          const order = p.approvals.map((a) => a.stage);
          expect(order).toEqual(stages.slice(0, order.length));
          expect(p.approvals.slice(0, -1).every((a) => a.decision === 'approve')).toBe(true);
        },
      ),
    );
  });
});
