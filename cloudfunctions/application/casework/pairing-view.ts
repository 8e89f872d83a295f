import { isAllowed } from '../../core/access/authorize';
import { maskAccount } from '../../core/support/bank-mask';
import { reachedSchoolStage } from '../../core/support/pairing-chain';
import type { PairingView } from '../../../types/api/support';
import type { Actor } from '../../../types/domain';
import type { Pairing } from '../../../types/support';
import { fieldKey } from '../../platform/crypto/field-key';
import { openField } from '../../platform/crypto/field-cipher';
import type { Stored } from '../../platform/store/store';

/**
 * The helper's bank account in clear only for the school-level approver, who pays the stipend,
 * and only once the form has reached the school stage; everyone else (the applicant included)
 * sees `**** 1234`. Students and parents never get a pairing view (see core/support/redaction.ts).
 * The support screens and the printed form (documents) show the same view.
 */
export function pairingView(ctx: { actor: Actor }, p: Stored<Pairing>): PairingView {
  const {
    _version: _v,
    createdBy: _cb,
    createdAt: _ca,
    updatedBy: _ub,
    updatedAt: _ua,
    bankAccountSealed,
    bankAccountLast4,
    ...rest
  } = p;
  const clear =
    reachedSchoolStage(p) &&
    isAllowed(ctx.actor, 'pairing.approveSchool', { classId: p.classId, collegeId: p.collegeId });
  return {
    ...rest,
    bankAccount: clear ? openField(fieldKey(), bankAccountSealed, p._id) : maskAccount(bankAccountLast4),
    bankAccountMasked: !clear,
  };
}
