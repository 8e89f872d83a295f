import type { NoticeCopies } from '../../../types/notice';
import type { Warning } from '../../../types/warning';
import { formatDate } from '../time/shanghai';
import { NOT_DISCIPLINARY, type NoticeTemplate } from './templates';

/** What the notice needs besides the warning: names the warning record does not carry. */
export type NoticeNames = { collegeName: string; className: string; parentName: string };

export type Correction = { reason: string; explanation: string[] } | null;

function reasons(warning: Warning, correction: Correction): string[] {
  const lines = correction ? correction.explanation : warning.triggers.map((t) => t.text);
  const manual = warning.manual && !correction ? [`经${warning.manual.by}补充列入：${warning.manual.reason}${warning.manual.note ? `（${warning.manual.note}）` : ''}`] : [];
  const all = [...lines, ...manual];
  return all.length > 0 ? all.map((line, i) => `${i + 1}. ${line}`) : ['（无）'];
}

function correctionLine(correction: Correction): string[] {
  return correction ? [`更正说明：本通知更正此前发出的通知，原因：${correction.reason}`] : [];
}

/**
 * The three copies of 学业警示通知单 (seed 004 annexes 2–3), rendered once when the warning is
 * published and stored as issued. Pure: the same warning and names give the same text.
 */
export function renderNotice(warning: Warning, names: NoticeNames, template: NoticeTemplate, correction: Correction = null): NoticeCopies {
  const who = `${warning.studentName}（学号 ${warning.studentId}，${names.className}）`;
  const date = formatDate(warning.publishedAt);
  const why = reasons(warning, correction);
  const next = template.nextSteps.map((step, i) => `${i + 1}. ${step}`);
  const decision = `根据${template.basis}，经审核 ${warning.semester} 学期学业情况，给予${warning.levelName}。`;
  return {
    college: {
      title: `学业警示通知单（学院存根）`,
      paragraphs: [
        ...correctionLine(correction),
        `学生：${who}`,
        `学期：${warning.semester}　警示等级：${warning.levelName}`,
        '警示原因：',
        ...why,
        '后续安排：',
        ...next,
        `签发：${names.collegeName}　${date}`,
        NOT_DISCIPLINARY,
      ],
    },
    student: {
      title: '学业警示通知单（学生联）',
      paragraphs: [
        ...correctionLine(correction),
        `${warning.studentName}同学：`,
        `你在 ${names.className}。${decision}`,
        '警示原因：',
        ...why,
        '接下来：',
        ...next,
        '请认真阅读并签名确认收到本通知；如认为内容有误，可在签收前提出异议，学院教学办公室将核实并答复。',
        NOT_DISCIPLINARY,
        `${names.collegeName}　${date}`,
      ],
    },
    parent: {
      title: '学业警示通知单（家长联）',
      paragraphs: [
        ...correctionLine(correction),
        `尊敬的${names.parentName}：`,
        `您的孩子${who}，${decision}`,
        '警示原因：',
        ...why,
        '学院将采取的帮扶措施：',
        ...next,
        '恳请您与孩子沟通，关心其学习和生活，与学院共同督促其完成学业。请在收到本通知后填写家长回执。',
        NOT_DISCIPLINARY,
        `${names.collegeName}　${date}`,
      ],
    },
  };
}
