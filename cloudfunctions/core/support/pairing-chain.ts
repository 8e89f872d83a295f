import type { PairingApproval, PairingStage, PairingStatus } from '../../../types/support';
import { DomainError } from '../errors';

/** The status a stage acts on, and the one its approval leads to: class → college → school. */
const chain: Record<PairingStage, { from: PairingStatus; to: PairingStatus }> = {
  class: { from: 'applied', to: 'classApproved' },
  college: { from: 'classApproved', to: 'collegeApproved' },
  school: { from: 'collegeApproved', to: 'approved' },
};

const waitingFor: Record<PairingStatus, string> = {
  applied: '须先经班级评议',
  classApproved: '须先经院系审核',
  collegeApproved: '等待学校审核',
  approved: '申请已审核通过',
  rejected: '申请未通过，流程已结束',
};

/**
 * One approval of the pairing form. Stages go in order (班级评议 → 院系审核 → 学校审核); a stage out
 * of turn or a second decision at a stage is refused; a rejection ends the chain.
 */
export function approvePairing(
  status: PairingStatus,
  stage: PairingStage,
  decision: 'approve' | 'reject',
): PairingStatus {
  const step = chain[stage];
  if (status !== step.from)
    throw new DomainError('PAIRING.OUT_OF_ORDER', `不能进行此步审核：${waitingFor[status]}`, 'stage');
  return decision === 'approve' ? step.to : 'rejected';
}

/** The stage a pairing waits for, or null when the chain is over. */
export function pendingStage(status: PairingStatus): PairingStage | null {
  for (const [stage, step] of Object.entries(chain)) if (step.from === status) return isStage(stage) ? stage : null;
  return null;
}

function isStage(value: string): value is PairingStage {
  return value === 'class' || value === 'college' || value === 'school';
}

/**
 * Whether the form has reached the school (学校审核): the college approved it. From then on the
 * school-level approver, who pays the stipend, may read the bank account; before, it is not theirs.
 */
export function reachedSchoolStage(p: {
  status: PairingStatus;
  approvals: readonly Pick<PairingApproval, 'stage' | 'decision'>[];
}): boolean {
  return (
    p.status === 'collegeApproved' ||
    p.status === 'approved' ||
    p.approvals.some((a) => a.stage === 'college' && a.decision === 'approve')
  );
}
