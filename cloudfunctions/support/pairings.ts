import { authorize, classIdsFor, collegeIdsFor, isAllowed, rolesWith, type Resource } from '../core/access/authorize';
import type { Permission } from '../core/access/permissions';
import { DomainError } from '../core/errors';
import { lastFour, maskAccount } from '../core/support/bank-mask';
import { approvePairing, reachedSchoolStage } from '../core/support/pairing-chain';
import type { PairingView, SupportApi } from '../../types/api/support';
import type { Student } from '../../types/domain';
import type { Pairing, PairingStage } from '../../types/support';
import { fieldKey } from '../platform/crypto/field-key';
import { openField, sealField } from '../platform/crypto/field-cipher';
import { studentResource } from '../platform/directory/directory';
import type { Context, Handlers } from '../platform/runtime/define-function';
import { newId, queryAll, type Stored } from '../platform/store/store';
import { PAIRINGS } from './collections';
import { caseWarning, loadPairing, orNobody } from './load';

/** The one resource a pairing form is reached by, for the `pairing` action and the case view alike. */
export const pairingResourceOf = (p: Pick<Pairing, 'classId' | 'collegeId'>): Resource => ({ classId: p.classId, collegeId: p.collegeId });

const pairingResource = (ctx: Context, pairingId: string) => orNobody(() => loadPairing(ctx.store, pairingId), pairingResourceOf);

/**
 * The helper's bank account in clear only for the school-level approver, who pays the stipend,
 * and only once the form has reached the school stage; everyone else (the applicant included)
 * sees `**** 1234`. Students and parents never get a pairing view (see redaction.ts).
 */
export function pairingView(ctx: Context, p: Stored<Pairing>): PairingView {
  const { _version: _v, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, bankAccountSealed, bankAccountLast4, ...rest } = p;
  const clear = reachedSchoolStage(p) && isAllowed(ctx.actor, 'pairing.approveSchool', { classId: p.classId, collegeId: p.collegeId });
  return { ...rest, bankAccount: clear ? openField(fieldKey(), bankAccountSealed, p._id) : maskAccount(bankAccountLast4), bankAccountMasked: !clear };
}

function approvalHandler(stage: PairingStage, permission: Permission): Handlers<Pick<SupportApi, 'approvePairingClass'>>['approvePairingClass'] {
  return {
    permission,
    resource: (ctx, input) => pairingResource(ctx, input.pairingId),
    async run(ctx, input) {
      const p = await loadPairing(ctx.store, input.pairingId);
      const status = approvePairing(p.status, stage, input.decision);
      const approval = { stage, decision: input.decision, opinion: input.opinion, byId: ctx.actor.userId, byName: ctx.actor.name, at: ctx.nowIso() };
      const saved = await ctx.store.update<Pairing>(PAIRINGS, p._id, { status, approvals: [...p.approvals, approval] }, p._version, ctx.write());
      return pairingView(ctx, saved);
    },
  };
}

export const pairingHandlers: Handlers<Pick<SupportApi, 'applyPairing' | 'approvePairingClass' | 'approvePairingCollege' | 'approvePairingSchool' | 'pairing' | 'pairings'>> = {
  applyPairing: {
    permission: 'pairing.apply',
    resource: (ctx, input) => studentResource(ctx.store, input.helpeeIds[0] ?? ''),
    async run(ctx, input) {
      const ids = [input.helperId, ...input.helpeeIds];
      const students = new Map((await queryAll<Student>(ctx.store, 'students', { where: { _id: { in: ids } } })).map((s) => [s._id, s]));
      const helper = students.get(input.helperId);
      if (!helper) throw new DomainError('PAIRING.HELPER_UNKNOWN', '未找到帮扶人', 'helperId');
      const helpees = input.helpeeIds.map((id, i) => {
        const s = students.get(id);
        if (!s) throw new DomainError('PAIRING.HELPEE_UNKNOWN', `未找到被帮扶人 ${id}`, `helpeeIds.${i}`);
        // Every helpee must be someone the applicant serves.
        authorize(ctx.actor, 'pairing.apply', { studentId: s._id, classId: s.classId, collegeId: s.collegeId });
        return s;
      });
      const first = helpees[0];
      if (!first) throw new DomainError('PAIRING.HELPEE_UNKNOWN', '至少一名被帮扶人', 'helpeeIds');
      if (helper.collegeId !== first.collegeId) throw new DomainError('PAIRING.HELPER_COLLEGE', '帮扶人应为本学院学生', 'helperId');
      // A helper is a good student: one under an academic warning needs help, and cannot give it.
      const helperWarning = await caseWarning(ctx.store, helper._id);
      if (helperWarning?.status === 'active') throw new DomainError('PAIRING.HELPER_WARNED', `${helper.name}目前受${helperWarning.levelName}，不能担任帮扶人`, 'helperId');
      const _id = `pairing-${newId(Date.parse(ctx.nowIso()))}`;
      const pairing: Pairing = {
        _id,
        kind: 'pairing',
        actorId: ctx.actor.userId,
        at: ctx.nowIso(),
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
        bankAccountSealed: sealField(fieldKey(), input.bankAccount, _id),
        bankAccountLast4: lastFour(input.bankAccount),
        status: 'applied',
        approvals: [],
      };
      return pairingView(ctx, await ctx.store.add(PAIRINGS, pairing, ctx.write()));
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
      const school = rolesWith(ctx.actor, 'pairing.read').some((g) => g.role === 'studentAffairs');
      const classIds = classIdsFor(ctx.actor, 'pairing.read');
      const collegeIds = collegeIdsFor(ctx.actor, 'pairing.read');
      const rows = school
        ? await queryAll<Pairing>(ctx.store, PAIRINGS, { orderBy: [{ field: 'at', direction: 'desc' }] })
        : [
            ...(classIds.length ? await queryAll<Pairing>(ctx.store, PAIRINGS, { where: { classId: { in: classIds } } }) : []),
            ...(collegeIds.length ? await queryAll<Pairing>(ctx.store, PAIRINGS, { where: { collegeId: { in: collegeIds } } }) : []),
          ];
      const unique = new Map(rows.map((p) => [p._id, p]));
      return [...unique.values()].sort((a, b) => b.at.localeCompare(a.at)).map((p) => pairingView(ctx, p));
    },
  },
};
