import type { CaseAudience, DutyLine } from '../../../types/api/support';
import type { MeetingKind, MeetingStatus, PlanStatus, ReviewerRole } from '../../../types/support';
import { meetingKindLabel } from '../../../types/support';
import { formatDateTime } from '../time/shanghai';
import { dueDateText } from '../duties/due-date';

export type NextInput = {
  audience: CaseAudience;
  hasWarning: boolean;
  planStatus: PlanStatus | 'none';
  planReported: boolean;
  reviewerRole: ReviewerRole | null;
  talks: number;
  duties: readonly DutyLine[];
  meetings: readonly { kind: MeetingKind; status: MeetingStatus; at: string; title: string }[];
  now: string;
};

const reviewerName: Record<ReviewerRole, string> = { headTeacher: '班主任', tutor: '导师', counselor: '辅导员' };

/** What is next on a case, most urgent first: overdue duties, then the plan, talks and meetings. */
export function nextSteps(input: NextInput): string[] {
  const steps: string[] = [];
  const upcoming = input.meetings
    .filter((m) => m.status === 'scheduled' && m.at >= input.now)
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .map((m) => `${meetingKindLabel[m.kind]}「${m.title}」${formatDateTime(m.at)}`);
  if (input.audience === 'student') {
    if (input.hasWarning && input.planStatus === 'none') steps.push('请填写个人学习计划');
    if (input.planStatus === 'draft') steps.push('学习计划尚未提交');
    if (input.planStatus === 'returned') steps.push('学习计划被退回，请修改后重新提交');
    if (input.planStatus === 'approved' && !input.planReported) steps.push('学期末请提交学习计划执行情况');
    return [...steps, ...upcoming];
  }
  if (input.audience === 'parent') return upcoming;
  for (const d of input.duties)
    if (d.status === 'overdue') steps.push(`已逾期：${d.title}（${d.personName}，${dueDateText(d.dueAt)}）`);
  if (input.hasWarning && input.talks === 0) steps.push('尚无谈话记录，请尽快约谈');
  if (input.planStatus === 'none' && input.hasWarning) steps.push('督促学生填写学习计划');
  if (input.planStatus === 'draft' || input.planStatus === 'returned') steps.push('督促学生提交学习计划');
  if (input.planStatus === 'submitted')
    steps.push(`学习计划待${input.reviewerRole ? reviewerName[input.reviewerRole] : ''}审核`);
  const due = [...input.duties].filter((d) => d.status === 'due').sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1))[0];
  if (due) steps.push(`${due.title}：还差 ${due.required - due.progress}（${dueDateText(due.dueAt)}）`);
  return [...steps, ...upcoming];
}
