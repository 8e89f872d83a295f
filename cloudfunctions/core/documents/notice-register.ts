import type { FormDocument } from '../../../types/documents';
import type { Notice } from '../../../types/notice';
import { noticeEnding } from '../notices/ending';
import { parentContactOf } from '../notices/parent-contact';
import { fileStem, wall } from './form-kit';

export const noticeRegisterColumns = [
  '序号',
  '学号',
  '姓名',
  '班级',
  '警示等级',
  '版本',
  '签发时间',
  '学生签收',
  '家长回执',
  '状态',
] as const;

const contactText = { receipt: '已回执', phone: '电话联系', none: '未联系' } as const;

/** How a notice stands, in the words the tracker uses (core/notices/ending.ts reads the record). */
export const endingText = {
  corrected: '已更正',
  replaced: '已被新名单取代',
  lifted: '已解除',
  withdrawn: '已撤销',
} as const;
export function noticeStanding(n: Notice): string {
  const ending = noticeEnding(n);
  return ending ? endingText[ending] : '有效';
}

/**
 * 学院存根 register of a semester (rules: 004-2.7): every notice the college issued, by class then
 * 学号, with whether the student signed and the parent answered. Corrected notices stay listed.
 */
export function noticeRegister(input: {
  collegeName: string;
  semester: string;
  notices: readonly Notice[];
  classNames: ReadonlyMap<string, string>;
}): FormDocument {
  const sorted = [...input.notices].sort(
    (a, b) => a.classId.localeCompare(b.classId) || a.studentId.localeCompare(b.studentId) || a.version - b.version,
  );
  const rows = sorted.map((n, i) => [
    String(i + 1),
    n.studentId,
    n.studentName,
    input.classNames.get(n.classId) ?? '',
    n.levelName,
    String(n.version),
    wall(n.issuedAt),
    n.ack ? `已签收 ${wall(n.ack.at)}` : n.objection ? '提出异议' : '未签收',
    contactText[parentContactOf(n)],
    noticeStanding(n),
  ]);
  const title = `${input.collegeName} ${input.semester} 学期学业警示通知单（学院存根）登记簿`;
  return {
    kind: 'noticeRegister',
    title,
    fileStem: fileStem('学院存根登记簿', input.semester),
    pages: [
      {
        title,
        subtitle: `共 ${rows.length} 份`,
        blocks: [
          {
            kind: 'table',
            columns: [...noticeRegisterColumns],
            rows,
            links: { form: 'notice', ids: sorted.map((n) => n._id) },
          },
        ],
      },
    ],
  };
}
