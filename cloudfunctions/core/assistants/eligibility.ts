import type { AssistantSettings, DataCheck, GraduateProfile, JudgedAnswer } from '../../../types/assistant';
import { attemptLabel } from '../../../types/grade';
import { parseScore } from '../rules/score';

const PASS_MARK = 60;

/** Courses that break "无补考、课程不及格和重修" (rules: 000-4.4), each named for the note. */
function blots(profile: GraduateProfile): string[] {
  return profile.record.flatMap((c) => {
    if (c.attempt !== 'regular') return [`${attemptLabel[c.attempt]}：${c.courseName}（${c.semester}）`];
    return parseScore(c.score, PASS_MARK).outcome === 'fail'
      ? [`不及格：${c.courseName}（${c.semester}，${c.score}）`]
      : [];
  });
}

/** What the data decides: enrolled full-time graduate (000-1.1), no counselor post (000-1.2), a clean record (000-4.4). */
export function dataChecks(profile: GraduateProfile): DataCheck[] {
  const found = blots(profile);
  const fullTime = profile.enrolled && profile.fullTime;
  return [
    {
      item: 'fullTimeGraduate',
      rule: '000-1.1',
      label: '在读全日制研究生',
      ok: fullTime,
      note: fullTime ? '在读全日制' : profile.enrolled ? '非全日制研究生' : '不在读',
    },
    {
      item: 'notCounselor',
      rule: '000-1.2',
      label: '未担任研究生兼职辅导员',
      ok: !profile.partTimeCounselor,
      note: profile.partTimeCounselor ? '现任研究生兼职辅导员' : '未担任',
    },
    {
      item: 'cleanRecord',
      rule: '000-4.4',
      label: '在校期间无补考、课程不及格和重修',
      ok: found.length === 0,
      note: found.length === 0 ? `已核 ${profile.record.length} 门课程成绩` : found.join('；'),
    },
  ];
}

export type Verdict = {
  eligible: boolean;
  reasons: string[];
  judged: (JudgedAnswer & { label: string; rule: string })[];
};

/**
 * The college's verdict: every data check and every required judged item must hold. A judged
 * item not answered counts as not met, so nothing passes by omission; the preference item
 * (000-4.7) is recorded but never refuses.
 */
export function verdictOf(
  checks: readonly DataCheck[],
  answers: readonly JudgedAnswer[],
  settings: Pick<AssistantSettings, 'judgedItems'>,
): Verdict {
  const byItem = new Map(answers.map((a) => [a.item, a]));
  const reasons = checks.filter((c) => !c.ok).map((c) => `不符合“${c.label}”：${c.note}（${c.rule}）`);
  const judged = settings.judgedItems.map((item) => {
    const answer = byItem.get(item.id);
    return { item: item.id, ok: answer?.ok ?? false, note: answer?.note ?? '', label: item.label, rule: item.rule };
  });
  for (const j of judged) {
    const item = settings.judgedItems.find((i) => i.id === j.item);
    if (item?.required && !j.ok)
      reasons.push(`${j.label}：选拔小组认定不符合${j.note ? `（${j.note}）` : ''}（${j.rule}）`);
  }
  return { eligible: reasons.length === 0, reasons, judged };
}

/** Answer items that the configuration does not know (a stale screen, a forged call). */
export function unknownItems(
  answers: readonly JudgedAnswer[],
  settings: Pick<AssistantSettings, 'judgedItems'>,
): string[] {
  const known = new Set(settings.judgedItems.map((i) => i.id));
  return answers.map((a) => a.item).filter((id) => !known.has(id));
}
