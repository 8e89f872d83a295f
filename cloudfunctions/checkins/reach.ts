import type { Context } from '../platform/runtime/define-function';
import { classResource, studentResource } from '../platform/directory/directory';

/** Check-ins are filed by staff whose reach covers the record's class, or its student. */
export const byClass = {
  permission: 'checkin.write',
  resource: (ctx: Context, input: { classId: string }) => classResource(ctx.store, input.classId),
} as const;
export const byStudent = {
  permission: 'checkin.write',
  resource: (ctx: Context, input: { studentId: string }) => studentResource(ctx.store, input.studentId),
} as const;
