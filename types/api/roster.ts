import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id, requiredText } from '../fields';
import { ColumnMapping, ImportError, fileId } from './grades';
import { Audit, Role } from '../domain';
import { RosterChange, RosterChangeDoc, RosterKind } from '../roster';

export const RosterPreview = z.object({
  kind: RosterKind,
  /** The header could not be used at all (Chinese reason): nothing can be imported. */
  fatal: z.string().nullable(),
  columns: z.array(ColumnMapping),
  rows: z.number(),
  good: z.number(),
  bad: z.number(),
  errors: z.array(ImportError),
  added: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  missing: z.number(),
  /** The first changes (added, changed, missing), each with its fields old → new. */
  changes: z.array(RosterChange),
});
export type RosterPreview = z.infer<typeof RosterPreview>;

export const RosterApplied = z.object({
  kind: RosterKind,
  added: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  missing: z.number(),
  removed: z.number(),
  errors: z.number(),
});
export type RosterApplied = z.infer<typeof RosterApplied>;

/** A person the clerk may send an invite code to: who they are and whether they have joined. */
export const PersonRow = z.object({
  userId: z.string(),
  number: z.string(),
  name: z.string(),
  roles: z.array(Role),
  detail: z.string(),
  joined: z.boolean(),
  active: z.boolean(),
});
export type PersonRow = z.infer<typeof PersonRow>;

export const InviteIssued = z.object({
  userId: z.string(),
  name: z.string(),
  number: z.string(),
  code: z.string(),
  expiresAt: z.string(),
});
export type InviteIssued = z.infer<typeof InviteIssued>;

export const Joined = z.object({ userId: z.string(), name: z.string(), roles: z.array(Role) });
export type Joined = z.infer<typeof Joined>;

/** A stored roster change as it is read back (with the store's audit fields and version). */
export const StoredRosterChange = RosterChangeDoc.merge(Audit).extend({ _version: z.number() });
export type StoredRosterChange = z.infer<typeof StoredRosterChange>;

const reason = requiredText(200, '变更原因');
const removeMissing = z.boolean({ invalid_type_error: '请选择是否标记文件中没有的人员' }).default(false);
const { CollegeRequired, FileUnusable, OtherCollege, NotFound, AssistantFull } = Errors.roster;
const {
  InviteAlreadyJoined,
  InviteWechatTaken,
  InviteInvalid,
  InviteUsed,
  InviteLocked,
  InviteExpired,
  InviteProofMismatch,
  InviteBusy,
} = Errors.roster;

export const rosterApi = {
  /** A file the header makes unusable is `fatal` in the answer, not an error. */
  preview: action(z.object({ kind: RosterKind, fileId, collegeId: id.optional() }))
    .returns(RosterPreview)
    .fails(CollegeRequired, Errors.files.NotFound),
  /** Applies the whole file in one call; again with the same file changes nothing. */
  apply: action(z.object({ kind: RosterKind, fileId, collegeId: id.optional(), removeMissing }))
    .returns(RosterApplied)
    .fails(CollegeRequired, Errors.files.NotFound, FileUnusable),
  people: action(z.object({ collegeId: id.optional(), keyword: z.string().trim().max(32, '搜索内容过长').default('') }))
    .returns(z.array(PersonRow))
    .fails(CollegeRequired),
  createInvite: action(z.object({ userId: id }))
    .returns(InviteIssued)
    .fails(InviteAlreadyJoined),
  /** A WeChat joins as the imported person the code names (public: the caller is not yet a user). */
  join: action(
    z.object({
      code: requiredText(20, '邀请码'),
      number: requiredText(32, '工号或学号'),
      name: requiredText(32, '姓名'),
    }),
  )
    .returns(Joined)
    .fails(InviteWechatTaken, InviteInvalid, InviteUsed, InviteLocked, InviteExpired, InviteProofMismatch, InviteBusy),
  moveStudent: action(z.object({ studentId: id, classId: id, reason }))
    .returns(z.object({ studentId: z.string(), classId: z.string() }))
    .fails(OtherCollege, NotFound),
  assignClassStaff: action(
    z.object({
      classId: id,
      duty: z.enum(['counselor', 'headTeacher', 'assistant'], {
        errorMap: () => ({ message: '请选择辅导员、班主任或学业助理' }),
      }),
      userId: id,
      reason,
    }),
  )
    .returns(z.object({ classId: z.string(), userId: z.string() }))
    .fails(AssistantFull),
  changes: action(z.object({ collegeId: id.optional(), entityId: id.optional() }))
    .returns(z.array(StoredRosterChange))
    .fails(CollegeRequired),
};
export type RosterApi = typeof rosterApi;
