import type { FormDocument } from '../../../types/documents';
import { talkModeLabel, talkTopicLabel, talkerRoleLabel, type TalkRecord } from '../../../types/support';
import { numberTalks } from '../support/talk-numbering';
import { fileStem, wall } from './form-kit';
import { talkPage, type TalkSubject } from './talk-form';

export const studentLedgerColumns = [
  '序号',
  '谈话时间',
  '谈话人',
  '身份',
  '约谈次数',
  '谈话方式',
  '谈话主题',
  '谈话地点',
  '时长（分钟）',
  '谈话主要内容',
  '措施及效果',
] as const;
export const classLedgerColumns = [
  '序号',
  '学号',
  '姓名',
  '谈话时间',
  '谈话人',
  '身份',
  '约谈次数',
  '谈话方式',
  '谈话主题',
  '时长（分钟）',
  '谈话主要内容',
] as const;

const byTime = (a: TalkRecord, b: TalkRecord) => a.at.localeCompare(b.at) || a._id.localeCompare(b._id);
const topicText = (t: TalkRecord) =>
  t.topics.map((x) => (x === 'other' ? `其他：${t.otherTopic}` : talkTopicLabel[x])).join('、');

/**
 * A student's talk ledger (rules: 004-4.5, 004-2.6): one table of every talk, then each talk's
 * 登记表 (rules: 002-A3). 第 n 次 is counted per talker over the student's whole list.
 */
export function studentTalkLedger(input: {
  talks: readonly TalkRecord[];
  subject: TalkSubject & { studentId: string };
  collegeName: string;
}): FormDocument {
  const talks = [...input.talks].sort(byTime);
  const nth = numberTalks(talks);
  const rows = talks.map((t, i) => [
    String(i + 1),
    wall(t.at),
    t.actorName,
    talkerRoleLabel[t.talkerRole],
    `第 ${nth.get(t._id) ?? 1} 次`,
    talkModeLabel[t.mode],
    topicText(t),
    t.place,
    String(t.minutes),
    t.content,
    t.measures,
  ]);
  const title = `${input.subject.name}（${input.subject.studentId}）谈话记录台账`;
  return {
    kind: 'talkLedger',
    title,
    fileStem: fileStem('谈话记录台账', input.subject.studentId, input.subject.name),
    pages: [
      {
        title,
        subtitle: `${input.subject.className} · 共 ${rows.length} 次谈话`,
        blocks: [{ kind: 'table', columns: [...studentLedgerColumns], rows }],
      },
      ...talks.map((t) => talkPage(t, input.subject, nth.get(t._id) ?? 1, input.collegeName)),
    ],
  };
}

/** A class's talks in a period, bound by class (rules: 004-5.1), by student then time. */
export function classTalkLedger(input: {
  talks: readonly TalkRecord[];
  className: string;
  from: string;
  to: string;
  allTalksOfStudents: readonly TalkRecord[];
}): FormDocument {
  const nth = numberTalks(input.allTalksOfStudents);
  const talks = [...input.talks].sort((a, b) => a.studentId.localeCompare(b.studentId) || byTime(a, b));
  const rows = talks.map((t, i) => [
    String(i + 1),
    t.studentId,
    t.studentName,
    wall(t.at),
    t.actorName,
    talkerRoleLabel[t.talkerRole],
    `第 ${nth.get(t._id) ?? 1} 次`,
    talkModeLabel[t.mode],
    topicText(t),
    String(t.minutes),
    t.content,
  ]);
  const title = `${input.className} 谈话记录台账（${input.from} 至 ${input.to}）`;
  const students = new Set(talks.map((t) => t.studentId)).size;
  return {
    kind: 'talkLedger',
    title,
    fileStem: fileStem('谈话记录台账', input.className, input.from, input.to),
    pages: [
      {
        title,
        subtitle: `${students} 名学生 · 共 ${rows.length} 次谈话`,
        blocks: [{ kind: 'table', columns: [...classLedgerColumns], rows }],
      },
    ],
  };
}
