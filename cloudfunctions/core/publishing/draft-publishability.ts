import { formatDateTime } from '../time/shanghai';
import type { ErrorCode } from '../errors';

/** A run as far as the decision needs it. */
export type DraftFacts = {
  runId: string;
  semester: string;
  status: 'draft' | 'published' | 'discarded';
  createdAt: string;
  /**
   * What the draft was made on: the semester's latest published run and the college's count of
   * grade corrections at that moment. Absent on drafts made before these were recorded: then
   * the times decide (a frozen clock can make them equal, so the recorded basis comes first).
   */
  basis?: { publishedRunId: string | null; corrections: number };
};

/** What happened in the run's college that a draft may not know about. */
export type CollegeFacts = {
  /** The latest publication of another run of the same semester. */
  lastPublishOfSemester: { runId: string; at: string; byName: string } | null;
  /** The latest semester another run published (warnings active from it). */
  latestPublishedSemester: string | null;
  /** Active warnings the draft did not measure its changes against. */
  unexpectedActive: number;
  /** Warnings the draft keeps that are no longer active. */
  keptButGone: number;
  /** Grade corrections (objections answered by correcting rows) in the college, and the latest one. */
  corrections: { count: number; lastAt: string | null };
};

export type PublishBlock = { code: ErrorCode; message: string };

/**
 * Whether a draft may be published, and if not why (Chinese, for the clerk). A draft is a
 * snapshot of the grades, corrections and warnings when it was made: anything published or
 * corrected since makes it out of date, and the clerk runs the rules again.
 */
export function publishBlock(draft: DraftFacts, college: CollegeFacts): PublishBlock | null {
  if (draft.status === 'discarded')
    return { code: 'RUN.DISCARDED', message: '该名单草稿已舍弃，不能发布；如需发布请重新运行规则' };
  if (draft.status === 'published') return null;
  const last = college.lastPublishOfSemester;
  const publishedSince =
    last !== null &&
    last.runId !== draft.runId &&
    (draft.basis ? draft.basis.publishedRunId !== last.runId : last.at > draft.createdAt);
  if (last !== null && publishedSince) {
    return {
      code: 'RUN.OUTDATED',
      message: `此草稿生成于 ${formatDateTime(draft.createdAt)}，之后 ${draft.semester} 的名单已于 ${formatDateTime(last.at)} 由${last.byName || '教学秘书'}发布，不能再发布此草稿；请重新运行规则`,
    };
  }
  if (college.latestPublishedSemester !== null && college.latestPublishedSemester > draft.semester) {
    return {
      code: 'RUN.OLD_SEMESTER',
      message: `已发布过 ${college.latestPublishedSemester} 的名单，不能再发布更早学期 ${draft.semester} 的名单`,
    };
  }
  if (college.unexpectedActive > 0 || college.keptButGone > 0)
    return { code: 'RUN.STALE', message: '此名单生成后又发布过其他名单，请重新运行后再发布' };
  const { count, lastAt } = college.corrections;
  const correctedSince = draft.basis ? count > draft.basis.corrections : lastAt !== null && lastAt > draft.createdAt;
  if (correctedSince) {
    return {
      code: 'RUN.OUTDATED',
      message: `此草稿生成后${lastAt ? `（${formatDateTime(lastAt)}）` : ''}又因学生异议更正过成绩，请重新运行规则后再发布`,
    };
  }
  return null;
}
