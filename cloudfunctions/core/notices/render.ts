import type { NoticeCopies } from '../../../types/notice';
import { manualReasonLabel, ManualReason } from '../../../types/policy';
import type { Warning } from '../../../types/warning';
import { formatDate } from '../time/shanghai';
import { NOT_DISCIPLINARY, type NoticeTemplate } from './templates';

/** A staff member the parent can call about the notice (the class's counselor and head teacher). */
export type StaffContact = { role: '辅导员' | '班主任'; name: string; phone: string };

/**
 * What the notice needs besides the warning: names the warning record does not carry. The copies
 * print names, never ids: who added a student by hand, and whom the parent can call.
 */
export type NoticeNames = {
  collegeName: string;
  className: string;
  parentName: string;
  /** The person who added the student by hand, with their role, e.g. "辅导员张伟". */
  manualByName?: string;
  /** The class's counselor and head teacher, printed on the parent copy. */
  contacts?: StaffContact[];
};

export type Correction = { reason: string; explanation: string[] } | null;

/** The reason of a manual addition in words: stored labels first, ids of the policy's list mapped. */
function manualReason(manual: NonNullable<Warning['manual']>): string {
  if (manual.reasonLabel) return manual.reasonLabel;
  const id = ManualReason.safeParse(manual.reason);
  return id.success ? manualReasonLabel[id.data] : manual.reason;
}

function reasons(warning: Warning, names: NoticeNames, correction: Correction): string[] {
  const lines = correction ? correction.explanation : warning.triggers.map((t) => t.text);
  const manual =
    warning.manual && !correction
      ? [
          `经${names.manualByName ?? '学院'}补充列入：${manualReason(warning.manual)}${warning.manual.note ? `（${warning.manual.note}）` : ''}`,
        ]
      : [];
  const all = [...lines, ...manual];
  return all.length > 0 ? all.map((line, i) => `${i + 1}. ${line}`) : ['（无）'];
}

function correctionLine(correction: Correction): string[] {
  return correction ? [`更正说明：本通知更正此前发出的通知，原因：${correction.reason}`] : [];
}

/** The college stub is the college's own record: the parent's steps with 学生 / 家长 instead of 孩子 / 您. */
function staffVoice(step: string): string {
  return step.replace(/孩子/g, '学生').replace(/您/g, '家长');
}

function contactLines(contacts: StaffContact[] | undefined): string[] {
  if (!contacts || contacts.length === 0) return ['如有疑问，请与孩子所在班级的辅导员或班主任联系。'];
  return ['如有疑问，请联系：', ...contacts.map((c) => `${c.role}：${c.name}${c.phone ? `　电话 ${c.phone}` : ''}`)];
}

/**
 * The three copies of 学业警示通知单 (rules: 004-A2, 004-A3), rendered once when the warning is
 * published and stored as issued. Pure: the same warning and names give the same text. Each copy
 * says what may follow (rules: 004-1.1) and how the warning is lifted (the policy's condition);
 * the parent copy speaks to the parent and names whom to call.
 */
export function renderNotice(
  warning: Warning,
  names: NoticeNames,
  template: NoticeTemplate,
  correction: Correction = null,
): NoticeCopies {
  const who = `${warning.studentName}（学号 ${warning.studentId}，${names.className}）`;
  const date = formatDate(warning.publishedAt);
  const why = reasons(warning, names, correction);
  const numbered = (steps: string[]) => steps.map((step, i) => `${i + 1}. ${step}`);
  const decision = `根据${template.basis}，经审核 ${warning.semester} 学期学业情况，给予${warning.levelName}。`;
  const outlook = ['可能的后果：', template.consequences, '解除条件：', template.lifting];
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
        ...numbered(template.parentSteps.map(staffVoice)),
        ...outlook,
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
        ...numbered(template.nextSteps),
        ...outlook,
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
        ...numbered(template.parentSteps),
        ...outlook,
        '恳请您与孩子沟通，关心其学习和生活，与学院共同督促其完成学业。请在收到本通知后填写家长回执。',
        ...contactLines(names.contacts),
        NOT_DISCIPLINARY,
        `${names.collegeName}　${date}`,
      ],
    },
  };
}
