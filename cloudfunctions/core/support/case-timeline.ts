import type { CaseView, TimelineEntry } from '../../../types/api/support';
import {
  type PairingStatus,
  meetingKindLabel,
  meetingStatusLabel,
  pairingStageLabel,
  pairingStatusLabel,
  planStatusLabel,
  talkModeLabel,
  talkTopicLabel,
  talkerRoleLabel,
} from '../../../types/support';

/** A notice event from the notices issue (issued, acknowledged, receipt returned), when present. */
export type NoticeEvent = { at: string; title: string; detail: string; refId: string };

/** A pairing reduced to what a student in it may see (see redaction.ts pairingSummary). */
export type PairingSummary = {
  _id: string;
  at: string;
  helperName: string;
  helpeeNames: string[];
  status: PairingStatus;
  plan: string;
};

/**
 * One timeline per warned student, newest first, built from the sections of an already
 * redacted case view: whatever an audience may not see cannot leak into its timeline.
 */
export function caseTimeline(
  view: Omit<CaseView, 'timeline'>,
  notices: readonly NoticeEvent[] = [],
  pairingSummaries: readonly PairingSummary[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const w = view.warning;
  if (w)
    entries.push({
      at: w.publishedAt,
      kind: 'warning',
      title: `${w.levelName}（${w.semester}）`,
      detail: w.explanation.join('；'),
      refId: w.id,
    });
  for (const n of notices) entries.push({ at: n.at, kind: 'notice', title: n.title, detail: n.detail, refId: n.refId });
  for (const t of view.talks) {
    const topics = t.topics.map((k) => (k === 'other' && t.otherTopic ? t.otherTopic : talkTopicLabel[k])).join('、');
    entries.push({
      at: t.at,
      kind: 'talk',
      title: `${talkerRoleLabel[t.talkerRole]}${t.actorName}第 ${t.nth} 次谈话（${talkModeLabel[t.mode]}）`,
      detail: [topics, `${t.minutes} 分钟`, t.place].filter((part) => part !== '').join(' · '),
      refId: t._id,
    });
  }
  if (view.difficulty)
    entries.push({
      at: view.difficulty.at,
      kind: 'difficulty',
      title: `学习困难类型：${view.difficulty.label}`,
      detail: view.difficulty.note ?? '',
      refId: view.student.studentId,
    });
  if (view.plan) {
    for (const e of view.plan.history) {
      entries.push({
        at: e.at,
        kind: 'plan',
        title: `学习计划：${planStatusLabel[e.status]}`,
        detail: e.note,
        refId: view.plan._id,
      });
    }
    if (view.plan.report)
      entries.push({
        at: view.plan.report.at,
        kind: 'plan',
        title: '学习计划：期末执行情况',
        detail: view.plan.report.text,
        refId: view.plan._id,
      });
  }
  for (const p of view.pairings) {
    entries.push({
      at: p.at,
      kind: 'pairing',
      title: `朋辈帮扶申请：${p.helperName} 帮扶 ${p.helpeeNames.join('、')}`,
      detail: pairingStatusLabel[p.status],
      refId: p._id,
    });
    for (const a of p.approvals) {
      entries.push({
        at: a.at,
        kind: 'pairing',
        title: `${pairingStageLabel[a.stage]}：${a.decision === 'approve' ? '同意' : '不同意'}`,
        detail: a.opinion,
        refId: p._id,
      });
    }
  }
  for (const p of pairingSummaries) {
    entries.push({
      at: p.at,
      kind: 'pairing',
      title: `朋辈帮扶：${p.helperName} 帮扶 ${p.helpeeNames.join('、')}`,
      detail: `${pairingStatusLabel[p.status]} · 帮扶计划：${p.plan}`,
      refId: p._id,
    });
  }
  for (const m of view.meetings) {
    const kind = m.kind === 'parentMeeting' ? 'parentContact' : 'meeting';
    entries.push({
      at: m.at,
      kind,
      title: `${meetingKindLabel[m.kind]}：${m.title}`,
      detail: `${meetingStatusLabel[m.status]} · ${m.place}`,
      refId: m._id,
    });
  }
  return entries.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
}
