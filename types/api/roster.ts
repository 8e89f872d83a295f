import { z } from 'zod';
import { action } from '../envelope';
import { id, requiredText } from '../fields';
import type { ColumnMapping, ImportError } from './grades';
import { fileId } from './grades';
import type { Role } from '../domain';
import { RosterKind, type RosterChange, type RosterChangeDoc } from '../roster';

export type RosterPreview = {
  kind: RosterKind;
  /** The header could not be used at all (Chinese reason): nothing can be imported. */
  fatal: string | null;
  columns: ColumnMapping[];
  rows: number;
  good: number;
  bad: number;
  errors: ImportError[];
  added: number;
  changed: number;
  unchanged: number;
  missing: number;
  /** The first changes (added, changed, missing), each with its fields old → new. */
  changes: RosterChange[];
};

export type RosterApplied = { kind: RosterKind; added: number; changed: number; unchanged: number; missing: number; removed: number; errors: number };

/** A person the clerk may send an invite code to: who they are and whether they have joined. */
export type PersonRow = { userId: string; number: string; name: string; roles: Role[]; detail: string; joined: boolean; active: boolean };

export type InviteIssued = { userId: string; name: string; number: string; code: string; expiresAt: string };

export type Joined = { userId: string; name: string; roles: Role[] };

const reason = requiredText(200, '变更原因');
const removeMissing = z.boolean({ invalid_type_error: '请选择是否标记文件中没有的人员' }).default(false);

export const rosterApi = {
  preview: action(z.object({ kind: RosterKind, fileId, collegeId: id.optional() })).returns<RosterPreview>(),
  /** Applies the whole file in one call; again with the same file changes nothing. */
  apply: action(z.object({ kind: RosterKind, fileId, collegeId: id.optional(), removeMissing })).returns<RosterApplied>(),
  people: action(z.object({ collegeId: id.optional(), keyword: z.string().trim().max(32, '搜索内容过长').default('') })).returns<PersonRow[]>(),
  createInvite: action(z.object({ userId: id })).returns<InviteIssued>(),
  /** A WeChat joins as the imported person the code names (public: the caller is not yet a user). */
  join: action(
    z.object({
      code: requiredText(20, '邀请码'),
      number: requiredText(32, '工号或学号'),
      name: requiredText(32, '姓名'),
    }),
  ).returns<Joined>(),
  moveStudent: action(z.object({ studentId: id, classId: id, reason })).returns<{ studentId: string; classId: string }>(),
  assignClassStaff: action(
    z.object({
      classId: id,
      duty: z.enum(['counselor', 'headTeacher', 'assistant'], { errorMap: () => ({ message: '请选择辅导员、班主任或学业助理' }) }),
      userId: id,
      reason,
    }),
  ).returns<{ classId: string; userId: string }>(),
  changes: action(z.object({ collegeId: id.optional(), entityId: id.optional() })).returns<RosterChangeDoc[]>(),
};
export type RosterApi = typeof rosterApi;
