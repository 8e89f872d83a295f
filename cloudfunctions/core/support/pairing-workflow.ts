import type { Pairing, PairingInput, PairingStage } from '../../../types/support';
import { AccessDeniedError, DomainError } from '../errors';
import { approvePairing } from './pairing-chain';

/** A student as the pairing form needs them. */
export type PairingStudent = { _id: string; name: string; classId: string; collegeId: string };

export type PairingFacts = {
  /** The form's students that exist, by id. */
  students: ReadonlyMap<string, PairingStudent>;
  /** The students the applicant serves (may apply for): every helpee must be one. */
  served: ReadonlySet<string>;
  /** The helper's current warning, if any. */
  helperWarning: { status: string; levelName: string } | null;
};

/** The form as applied for, without the sealed bank account (sealing is the platform's). */
export type PairingApplication = Omit<Pairing, '_id' | 'bankAccountSealed' | 'bankAccountLast4'>;

/**
 * A peer-pairing application (朋辈帮扶申请表): a helper of the helpees' college who is not under a
 * warning, helpees the applicant serves. Returns the form to save, or the rule it breaks.
 */
export function applyPairing(
  input: PairingInput,
  f: PairingFacts,
  applicant: { userId: string },
  at: string,
): PairingApplication {
  const helper = f.students.get(input.helperId);
  if (!helper) throw new DomainError('PAIRING.HELPER_UNKNOWN', '未找到帮扶人', 'helperId');
  const helpees = input.helpeeIds.map((id, i) => {
    const s = f.students.get(id);
    if (!s) throw new DomainError('PAIRING.HELPEE_UNKNOWN', `未找到被帮扶人 ${id}`, `helpeeIds.${i}`);
    // Every helpee must be someone the applicant serves.
    if (!f.served.has(s._id)) throw new AccessDeniedError();
    return s;
  });
  const first = helpees[0];
  if (!first) throw new DomainError('PAIRING.HELPEE_UNKNOWN', '至少一名被帮扶人', 'helpeeIds');
  if (helper.collegeId !== first.collegeId)
    throw new DomainError('PAIRING.HELPER_COLLEGE', '帮扶人应为本学院学生', 'helperId');
  // A helper is a good student: one under an academic warning needs help, and cannot give it.
  if (f.helperWarning?.status === 'active')
    throw new DomainError(
      'PAIRING.HELPER_WARNED',
      `${helper.name}目前受${f.helperWarning.levelName}，不能担任帮扶人`,
      'helperId',
    );
  return {
    kind: 'pairing',
    actorId: applicant.userId,
    at,
    helperId: helper._id,
    helperName: helper.name,
    helpeeIds: helpees.map((s) => s._id),
    helpeeNames: helpees.map((s) => s.name),
    classId: first.classId,
    collegeId: first.collegeId,
    difficulty: input.difficulty,
    reason: input.reason,
    plan: input.plan,
    bankName: input.bankName,
    status: 'applied',
    approvals: [],
  };
}

/** One stage's decision on the form: the next status and the approval appended (order checked by the chain). */
export function decidePairingStage(
  p: Pick<Pairing, 'status' | 'approvals'>,
  stage: PairingStage,
  decision: { decision: 'approve' | 'reject'; opinion: string },
  by: { userId: string; name: string },
  at: string,
): Pick<Pairing, 'status' | 'approvals'> {
  const status = approvePairing(p.status, stage, decision.decision);
  return {
    status,
    approvals: [
      ...p.approvals,
      { stage, decision: decision.decision, opinion: decision.opinion, byId: by.userId, byName: by.name, at },
    ],
  };
}
