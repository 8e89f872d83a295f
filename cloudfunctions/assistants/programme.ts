import type { CallSummary, MyProgramme } from '../../types/api/assistants';
import { applicationStatusLabel, callStageLabel, degreeLabel, type Call } from '../../types/assistant';
import { collegeIdsFor, rolesWith } from '../core/access/authorize';
import { holdsSchoolRole } from '../core/access/school-role';
import { shanghaiDateOf } from '../core/calendar';
import type { Context } from '../platform/runtime/define-function';
import { queryAll, type Stored } from '../platform/store/store';
import { graduateOf } from './load';
import { summaryOf } from './views';

const isCall = (c: Stored<Call>) =>
  typeof c.collegeId === 'string' && Array.isArray(c.selected) && Array.isArray(c.steps);

/** A graduate's calls (their college's, and any still open) and their applications with results. */
export async function myProgramme(ctx: Context): Promise<MyProgramme> {
  const me = graduateOf(await ctx.store.get('users', ctx.actor.userId));
  const today = shanghaiDateOf(ctx.clock.now().getTime());
  const [calls, applications, assignments] = await Promise.all([
    queryAll(ctx.store, 'assistantCalls', { orderBy: [{ field: '_id', direction: 'asc' }] }),
    queryAll(ctx.store, 'assistantApplications', { where: { userId: ctx.actor.userId } }),
    queryAll(ctx.store, 'assistantAssignments', { where: { assistantUserId: ctx.actor.userId } }),
  ]);
  const valid = calls.filter(isCall);
  const byId = new Map(valid.map((c) => [c._id, c]));
  const open = (c: Call) => c.stage === 'open' && today <= c.deadline;
  return {
    profile: me
      ? {
          name: me.name,
          graduateId: me.graduate.graduateId,
          degreeLabel: degreeLabel[me.graduate.degree],
          major: me.graduate.major,
        }
      : null,
    calls: valid
      .filter((c) => (me && c.collegeId === me.graduate.collegeId) || open(c))
      .map((c) => ({
        callId: c._id,
        collegeName: c.collegeName,
        schoolYear: c.schoolYear,
        deadline: c.deadline,
        note: c.note,
        open: open(c),
        stageLabel: callStageLabel[c.stage],
      })),
    applications: applications.flatMap((a) => {
      const call = byId.get(a.callId);
      if (!call || !applicationStatusLabel[a.status]) return [];
      const listed = call.selected.includes(a._id);
      return [
        {
          applicationId: a._id,
          callId: a.callId,
          collegeName: call.collegeName,
          schoolYear: call.schoolYear,
          statusLabel: applicationStatusLabel[a.status],
          reasons: a.reasons,
          stageLabel: callStageLabel[call.stage],
          listed,
          confirmed: listed && call.stage === 'confirmed',
          classes: assignments.filter((x) => x.callId === a.callId).map((x) => x.className),
        },
      ];
    }),
  };
}

/** The calls the caller reaches: their colleges', or every college's for 学工部 (who sees them once sent). */
export async function listCalls(ctx: Context): Promise<CallSummary[]> {
  const school = holdsSchoolRole(rolesWith(ctx.actor, 'assistants.read'));
  const colleges = new Set(collegeIdsFor(ctx.actor, 'assistants.read'));
  const calls = (await queryAll(ctx.store, 'assistantCalls', { orderBy: [{ field: '_id', direction: 'asc' }] })).filter(
    isCall,
  );
  const visible = calls.filter(
    (c) => colleges.has(c.collegeId) || (school && !['open', 'decided', 'collegePublicity'].includes(c.stage)),
  );
  const out: CallSummary[] = [];
  for (const c of visible) out.push(summaryOf(c, await ctx.store.count('assistantApplications', { callId: c._id })));
  return out;
}
