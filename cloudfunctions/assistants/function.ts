import { assistantsApi } from '../../types/api/assistants';
import { collegeOf, collegeResource } from '../application/college/college-of';
import { defineFunction, type Context } from '../platform/runtime/define-function';
import { assessment } from './assessment';
import { assign } from './assignment';
import { allChanges, decideChange, fileChange } from './changes';
import { collegeOfRecord, loadCall } from './load';
import { listCalls, myProgramme } from './programme';
import { apply } from './apply';
import { checkEligibility } from './eligibility';
import { publishCall } from './publish-call';
import { runStep } from './selection';
import { stipendFile } from './stipend';
import { callView } from './views';

const ofCall = (ctx: Context, input: { callId: string }) => collegeOfRecord(ctx.store, 'assistantCalls', input.callId);
const ofApplication = (ctx: Context, input: { applicationId: string }) =>
  collegeOfRecord(ctx.store, 'assistantApplications', input.applicationId);
const ofChange = (ctx: Context, input: { changeId: string }) =>
  collegeOfRecord(ctx.store, 'assistantChanges', input.changeId);

/**
 * The academic-assistant programme (rules: 000; issue 16): application → eligibility → selection
 * group → college publicity → 学工部 review → school publicity → confirmed list → classes →
 * monthly stipend, changes and the year-end assessment. Decisions live in core/assistants.
 */
export const assistantsFunction = defineFunction('assistants', assistantsApi, {
  myProgramme: { permission: 'assistants.apply', run: (ctx) => myProgramme(ctx) },
  apply: { permission: 'assistants.apply', run: (ctx, input) => apply(ctx, input.callId, input.form) },

  calls: { permission: 'assistants.read', resource: 'list', run: (ctx) => listCalls(ctx) },
  call: {
    permission: 'assistants.read',
    resource: ofCall,
    run: async (ctx, input) => callView(ctx.store, await loadCall(ctx.store, input.callId), ctx.clock.now().getTime()),
  },
  publishCall: {
    permission: 'assistants.manage',
    resource: async (ctx, input) => collegeResource(ctx.actor, input.collegeId),
    run: (ctx, input) => publishCall(ctx, collegeOf(ctx.actor, input.collegeId) ?? '', input),
  },
  checkEligibility: {
    permission: 'assistants.manage',
    resource: ofApplication,
    run: (ctx, input) => checkEligibility(ctx, input.applicationId, input.judged),
  },
  decide: {
    permission: 'assistants.decide',
    resource: ofCall,
    run: (ctx, input) => runStep(ctx, input.callId, { type: 'decide', selected: input.selected, eligible: [] }),
  },
  startCollegePublicity: {
    permission: 'assistants.manage',
    resource: ofCall,
    run: (ctx, input) => runStep(ctx, input.callId, { type: 'startCollegePublicity' }),
  },
  recordObjection: {
    permission: 'assistants.objection',
    resource: ofCall,
    run: (ctx, input) =>
      runStep(ctx, input.callId, {
        type: 'recordObjection',
        id: input.clientId,
        applicationId: input.applicationId ?? null,
        text: input.text,
      }),
  },
  answerObjection: {
    permission: 'assistants.objection',
    resource: ofCall,
    run: (ctx, input) =>
      runStep(ctx, input.callId, {
        type: 'answerObjection',
        objectionId: input.objectionId,
        reply: input.reply,
        upheld: input.upheld,
      }),
  },
  submit: {
    permission: 'assistants.decide',
    resource: ofCall,
    run: (ctx, input) => runStep(ctx, input.callId, { type: 'submit' }),
  },
  review: {
    permission: 'assistants.review',
    resource: ofCall,
    run: (ctx, input) =>
      runStep(ctx, input.callId, { type: 'review', decision: input.decision, opinion: input.opinion }),
  },
  startSchoolPublicity: {
    permission: 'assistants.review',
    resource: ofCall,
    run: (ctx, input) => runStep(ctx, input.callId, { type: 'startSchoolPublicity' }),
  },
  confirm: {
    permission: 'assistants.review',
    resource: ofCall,
    run: (ctx, input) => runStep(ctx, input.callId, { type: 'confirm' }),
  },

  assign: { permission: 'assistants.manage', resource: ofCall, run: (ctx, input) => assign(ctx, input) },
  fileChange: { permission: 'assistants.manage', resource: ofCall, run: (ctx, input) => fileChange(ctx, input) },
  decideChange: {
    permission: 'assistants.review',
    resource: ofChange,
    run: (ctx, input) => decideChange(ctx, input.changeId, { type: input.decision, opinion: input.opinion }),
  },
  confirmChange: {
    permission: 'assistants.review',
    resource: ofChange,
    run: (ctx, input) => decideChange(ctx, input.changeId, { type: 'confirm' }),
  },
  changes: { permission: 'assistants.review', resource: 'list', run: (ctx) => allChanges(ctx) },

  stipendSheet: { permission: 'assistants.read', resource: ofCall, run: (ctx, input) => stipendFile(ctx, input) },
  assessment: { permission: 'assistants.read', resource: ofCall, run: (ctx, input) => assessment(ctx, input.callId) },
});
