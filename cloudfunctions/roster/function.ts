import { rosterApi } from '../../types/api/roster';
import { requireCollege } from '../core/roster/college-required';
import { defineFunction } from '../platform/runtime/define-function';
import { queryAll, type Where } from '../platform/store/store';
import { collegeOf, collegeResource } from '../application/college/college-of';
import { applyRoster, previewRoster } from './import-roster';
import { createInvite, join, peopleOf } from './invites';
import { assignClassStaff, moveStudent } from './single-changes';

/** The college a call acts on; a school-wide caller (学工部) must name it — never an empty id. */
const college = (actor: Parameters<typeof collegeOf>[0], asked: string | undefined) =>
  requireCollege(collegeOf(actor, asked));

/**
 * Go-live from the college's own files: the clerk (学工部 for the school, naming the college)
 * previews and applies the student, class, staff and timetable files, sends invite codes, and
 * makes single changes; staff and students join with their code.
 */
export const rosterFunction = defineFunction('roster', rosterApi, {
  preview: {
    permission: 'roster.import',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: (ctx, input) => previewRoster(ctx, input.kind, college(ctx.actor, input.collegeId), input.fileId),
  },
  apply: {
    permission: 'roster.import',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: (ctx, input) =>
      applyRoster(ctx, input.kind, college(ctx.actor, input.collegeId), input.fileId, input.removeMissing),
  },
  people: {
    permission: 'roster.invite',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: (ctx, input) => peopleOf(ctx, college(ctx.actor, input.collegeId), input.keyword),
  },
  createInvite,
  join,
  moveStudent,
  assignClassStaff,
  changes: {
    permission: 'roster.edit',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    async run(ctx, input) {
      const where: Where = {
        collegeId: college(ctx.actor, input.collegeId),
        ...(input.entityId ? { entityId: input.entityId } : {}),
      };
      const rows = await queryAll(ctx.store, 'rosterChanges', { where });
      return rows.sort((a, b) => b.at.localeCompare(a.at) || b._id.localeCompare(a._id)).slice(0, 100);
    },
  },
});
