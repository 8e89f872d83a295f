import type { FormDocument } from '../../../types/documents';
import { meetingTopicLabel, type Meeting } from '../../../types/support';
import { cnDate, fileStem, wall } from './form-kit';

export const minutesLabels = [
  '座谈会主题',
  '时间',
  '地点',
  '组织者',
  '应到学生',
  '实到学生',
  '座谈时长',
  '座谈主要内容',
  '记录时间',
] as const;
export const parentMeetingLabels = [
  '学生',
  '家长',
  '面谈时间',
  '面谈地点',
  '学院参加人',
  '面谈主要内容',
  '家长确认签字',
  '记录时间',
] as const;

const names = (ids: readonly string[], nameOf: (id: string) => string) => ids.map(nameOf).join('、');

/**
 * 学期学业预警学生帮扶座谈会记录 (rules: 002-A1, 002-4.2.3.1). The seed's annex holds only the
 * stamp block (学院(章), date, 类别, 份数), so the fields are ours; the stamp block closes the form.
 */
export function minutesForm(
  m: Meeting,
  facts: { collegeName: string; semester: string; nameOf: (studentId: string) => string },
): FormDocument {
  const record = m.record;
  const values = [
    `${m.title}${m.topics.length ? `（${m.topics.map((t) => meetingTopicLabel[t]).join('、')}）` : ''}`,
    wall(m.at),
    m.place,
    m.actorName,
    `${m.studentIds.length} 人：${names(m.studentIds, facts.nameOf)}`,
    record ? `${record.presentIds.length} 人：${names(record.presentIds, facts.nameOf)}` : '未记录',
    record ? `${record.minutes} 分钟` : '',
    record ? record.summary : '（尚未记录纪要）',
    record ? wall(record.at) : '',
  ];
  return {
    kind: 'minutes',
    title: `座谈会纪要 · ${m.title}`,
    fileStem: fileStem('座谈会纪要', wall(m.at).slice(0, 10), m.title),
    pages: [
      {
        // A 班会 (rules: 001-1.2, minutes kept) prints on the same form under its own title.
        title:
          m.kind === 'classMeeting'
            ? `${facts.semester} 学期班会记录`
            : `${facts.semester} 学期学业预警学生帮扶座谈会记录`,
        blocks: [
          { kind: 'fields', fields: minutesLabels.map((label, i) => ({ label, value: values[i] ?? '' })) },
          { kind: 'lines', lines: [`${facts.collegeName}(章)`, cnDate(record?.at ?? m.at), '份数：3'] },
        ],
      },
    ],
  };
}

/** 家长谈话记录 (rules: 004-4.10): exact time, place and content, confirmed and signed by the parent. */
export function parentMeetingForm(
  m: Meeting,
  facts: { studentName: string; studentId: string; parentName: string; staffNames: string },
): FormDocument {
  const record = m.record;
  const confirmed = m.parentConfirmation;
  const values = [
    `${facts.studentName}（${facts.studentId}）`,
    facts.parentName,
    wall(m.at),
    m.place,
    facts.staffNames,
    record ? record.summary : '（尚未记录）',
    confirmed ? `${confirmed.name}（${wall(confirmed.at)} 在微信上确认签字）` : '家长尚未确认',
    record ? wall(record.at) : '',
  ];
  return {
    kind: 'parentMeeting',
    title: `家长面谈记录 · ${facts.studentName}`,
    fileStem: fileStem('家长面谈记录', facts.studentId, facts.studentName, wall(m.at).slice(0, 10)),
    pages: [
      {
        title: '学业警示学生家长谈话记录',
        blocks: [
          { kind: 'fields', fields: parentMeetingLabels.map((label, i) => ({ label, value: values[i] ?? '' })) },
        ],
      },
    ],
  };
}
