import fc from 'fast-check';
import { approvePairing, pendingStage, reachedSchoolStage } from '../../../cloudfunctions/core/support/pairing-chain';
import { DomainError } from '../../../cloudfunctions/core/errors';
import type { PairingStage, PairingStatus } from '../../../types/support';

const stages: PairingStage[] = ['class', 'college', 'school'];

describe('peer pairing approval chain', () => {
  it.each([
    ['applied', 'class', 'approve', 'classApproved'],
    ['classApproved', 'college', 'approve', 'collegeApproved'],
    ['collegeApproved', 'school', 'approve', 'approved'],
    ['applied', 'class', 'reject', 'rejected'],
    ['classApproved', 'college', 'reject', 'rejected'],
    ['collegeApproved', 'school', 'reject', 'rejected'],
  ] as const)('%s: %s %s → %s', (from, stage, decision, to) => {
    expect(approvePairing(from, stage, decision)).toBe(to);
  });

  it.each([
    ['applied', 'college'],
    ['applied', 'school'],
    ['classApproved', 'class'],
    ['classApproved', 'school'],
    ['collegeApproved', 'class'],
    ['approved', 'school'],
    ['rejected', 'class'],
  ] as const)('%s: %s out of order is refused', (from, stage) => {
    expect(() => approvePairing(from, stage, 'approve')).toThrow(DomainError);
  });

  it('any sequence of attempts ends approved only after class, college, school in that order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...stages), fc.constantFrom('approve' as const, 'reject' as const)), {
          maxLength: 8,
        }),
        (attempts) => {
          let status: PairingStatus = 'applied';
          const accepted: PairingStage[] = [];
          for (const [stage, decision] of attempts) {
            try {
              status = approvePairing(status, stage, decision);
              accepted.push(stage);
            } catch (e) {
              if (!(e instanceof DomainError)) throw e;
            }
          }
          expect(accepted).toEqual(stages.slice(0, accepted.length));
          if (status === 'approved') expect(accepted).toEqual(stages);
          expect(pendingStage(status)).toBe(
            status === 'approved' || status === 'rejected' ? null : stages[accepted.length],
          );
        },
      ),
    );
  });
});

describe('pairing: has it reached the school stage (bank account readable by the school approver)', () => {
  const approve = (stage: PairingStage) => ({ stage, decision: 'approve' as const });
  it.each([
    ['applied', [], false],
    ['classApproved', [approve('class')], false],
    ['rejected at class', [{ stage: 'class' as const, decision: 'reject' as const }], false],
    ['rejected at college', [approve('class'), { stage: 'college' as const, decision: 'reject' as const }], false],
    ['collegeApproved', [approve('class'), approve('college')], true],
    ['approved', [approve('class'), approve('college'), approve('school')], true],
    [
      'rejected at school',
      [approve('class'), approve('college'), { stage: 'school' as const, decision: 'reject' as const }],
      true,
    ],
  ] as const)('%s → %s', (label, approvals, reached) => {
    const status: PairingStatus = label.startsWith('rejected') ? 'rejected' : (label as PairingStatus);
    expect(reachedSchoolStage({ status, approvals })).toBe(reached);
  });
});
