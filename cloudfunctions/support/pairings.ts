import { classIdsFor, collegeIdsFor, isAllowed, schoolWide } from '../core/access/authorize';
import type { Permission } from '../core/access/permissions';
import { orNobody, pairingResourceOf } from '../core/access/record-resource';
import { lastFour } from '../core/support/bank-mask';
import { applyPairing, decidePairingStage } from '../core/support/pairing-workflow';
import type { SupportApi } from '../../types/api/support';
import type { PairingStage } from '../../types/support';
import { caseWarning } from '../application/casework/case-warning';
import { pairingView } from '../application/casework/pairing-view';
import {
  addPairing,
  allPairings,
  loadPairing,
  pairingsOfClasses,
  pairingsOfColleges,
  updatePairing,
} from '../application/repositories/pairings';
import { fieldKey } from '../platform/crypto/field-key';
import { sealField } from '../platform/crypto/field-cipher';
import { studentResource } from '../platform/directory/directory';
import type { Context, Handlers } from '../platform/runtime/define-function';
import { newId, queryAll } from '../platform/store/store';

const pairingResource = (ctx: Context, pairingId: string) =>
  orNobody(() => loadPairing(ctx.store, pairingId), pairingResourceOf);

function approvalHandler(
  stage: PairingStage,
  permission: Permission,
): Handlers<Pick<SupportApi, 'approvePairingClass'>>['approvePairingClass'] {
  return {
    permission,
    resource: (ctx, input) => pairingResource(ctx, input.pairingId),
    async run(ctx, input) {
      const p = await loadPairing(ctx.store, input.pairingId);
      const change = decidePairingStage(
        p,
        stage,
        input,
        { userId: ctx.actor.userId, name: ctx.actor.name },
        ctx.nowIso(),
      );
      return pairingView(ctx, await updatePairing(ctx.store, p, change, ctx.write()));
    },
  };
}

export const pairingHandlers: Handlers<
  Pick<
    SupportApi,
    'applyPairing' | 'approvePairingClass' | 'approvePairingCollege' | 'approvePairingSchool' | 'pairing' | 'pairings'
  >
> = {
  applyPairing: {
    permission: 'pairing.apply',
    resource: (ctx, input) => studentResource(ctx.store, input.helpeeIds[0] ?? ''),
    async run(ctx, input) {
      const ids = [input.helperId, ...input.helpeeIds];
      const students = new Map(
        (await queryAll(ctx.store, 'students', { where: { _id: { in: ids } } })).map((s) => [s._id, s]),
      );
      // Every helpee must be someone the applicant serves.
      const served = new Set(
        [...students.values()]
          .filter((s) =>
            isAllowed(ctx.actor, 'pairing.apply', { studentId: s._id, classId: s.classId, collegeId: s.collegeId }),
          )
          .map((s) => s._id),
      );
      const helperWarning = students.has(input.helperId) ? await caseWarning(ctx.store, input.helperId) : null;
      const at = ctx.nowIso();
      const form = applyPairing(input, { students, served, helperWarning }, { userId: ctx.actor.userId }, at);
      const _id = `pairing-${newId(Date.parse(at))}`;
      // The account is sealed at rest; only its last four digits stay in clear.
      const pairing = {
        _id,
        ...form,
        bankAccountSealed: sealField(fieldKey(), input.bankAccount, _id),
        bankAccountLast4: lastFour(input.bankAccount),
      };
      return pairingView(ctx, await addPairing(ctx.store, pairing, ctx.write()));
    },
  },

  approvePairingClass: approvalHandler('class', 'pairing.approveClass'),
  approvePairingCollege: approvalHandler('college', 'pairing.approveCollege'),
  approvePairingSchool: approvalHandler('school', 'pairing.approveSchool'),

  pairing: {
    permission: 'pairing.read',
    resource: (ctx, input) => pairingResource(ctx, input.pairingId),
    async run(ctx, input) {
      return pairingView(ctx, await loadPairing(ctx.store, input.pairingId));
    },
  },

  pairings: {
    permission: 'pairing.read',
    resource: 'list',
    async run(ctx) {
      const rows = schoolWide(ctx.actor, 'pairing.read')
        ? await allPairings(ctx.store)
        : [
            ...(await pairingsOfClasses(ctx.store, classIdsFor(ctx.actor, 'pairing.read'))),
            ...(await pairingsOfColleges(ctx.store, collegeIdsFor(ctx.actor, 'pairing.read'))),
          ];
      const unique = new Map(rows.map((p) => [p._id, p]));
      return [...unique.values()].sort((a, b) => b.at.localeCompare(a.at)).map((p) => pairingView(ctx, p));
    },
  },
};
