import type { FormDocument, FormField, FormPage } from '../../../types/documents';
import type { Notice } from '../../../types/notice';
import { fileStem, wall } from './form-kit';
import { noticeStanding } from './notice-register';

export type NoticeSignatures = { student: { at: string; image: string } | null; parent: { image: string } | null };

function studentSigned(notice: Notice, sig: NoticeSignatures): FormField[] {
  if (!notice.ack)
    return [
      { label: '学生签名', value: notice.objection ? `未签收（已提出异议：${notice.objection.reason}）` : '未签收' },
    ];
  return [
    {
      label: '学生签名',
      value: `${notice.studentName}（已签名）`,
      ...(sig.student ? { image: sig.student.image } : {}),
    },
    { label: '签收时间', value: wall(notice.ack.at) },
  ];
}

function receipt(notice: Notice, sig: NoticeSignatures): FormField[] {
  const r = notice.receipt;
  const phone = notice.phoneContacts.map((c) => `${wall(c.at)} ${c.byName}电话联系：${c.summary}`);
  if (!r)
    return [
      { label: '家长回执', value: '未返回' },
      ...(phone.length ? [{ label: '电话联系', value: phone.join('；') }] : []),
    ];
  return [
    { label: '家长签名', value: `${r.parentName}（已签名）`, ...(sig.parent ? { image: sig.parent.image } : {}) },
    { label: '回执时间', value: wall(r.at) },
    { label: '家长意见', value: r.message },
    ...(phone.length ? [{ label: '电话联系', value: phone.join('；') }] : []),
  ];
}

/**
 * 学业警示通知单 as filed (rules: 004-A2, 004-A3, 004-2.7): the three copies exactly as issued
 * (rendered once by core/notices/render.ts and stored), the student copy with the student's
 * signature, the parent copy with the signed receipt, the college stub with both.
 */
export function noticeForm(notice: Notice, sig: NoticeSignatures): FormDocument {
  const version = notice.version > 1 ? `第 ${notice.version} 版（更正）` : '';
  const sub = [
    `${notice.semester} 学期`,
    notice.levelName,
    version,
    notice.status === 'superseded' ? noticeStanding(notice) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const page = (kind: 'college' | 'student' | 'parent', fields: FormField[], heading: string): FormPage => ({
    title: notice.copies[kind].title,
    subtitle: sub,
    blocks: [
      { kind: 'lines', lines: notice.copies[kind].paragraphs },
      { kind: 'fields', heading, fields },
    ],
  });
  return {
    kind: 'notice',
    title: `学业警示通知单 · ${notice.studentName}`,
    fileStem: fileStem('学业警示通知单', notice.semester, notice.studentId, notice.studentName),
    pages: [
      page('college', [...studentSigned(notice, sig), ...receipt(notice, sig)], '签收与回执'),
      page('student', studentSigned(notice, sig), '学生签收'),
      page('parent', receipt(notice, sig), '家长回执'),
    ],
  };
}
