import type { FormDocument, FormPage } from '../../../types/documents';
import {
  talkInitiatorLabel,
  talkModeLabel,
  talkTopicLabel,
  talkerRoleLabel,
  type TalkInitiator,
  type TalkMode,
  type TalkRecord,
  type TalkTopic,
} from '../../../types/support';
import { cnDateHour, fileStem, ticks, wall } from './form-kit';

/** Who the talk was with, as the form's 谈话对象 line asks (姓名, 性别, 班级, 电话). */
export type TalkSubject = { name: string; gender: string; className: string; phone: string };

/** The form's own headings, in its order (rules: 002-A3). */
export const talkFormLabels = [
  '谈话对象',
  '谈话人',
  '约谈方式',
  '约谈次数',
  '谈话方式',
  '谈话主题',
  '谈话时间',
  '谈话地点',
  '初步印象',
  '谈话主要内容',
  '措施及效果',
  '谈话人签名',
] as const;

const initiators: TalkInitiator[] = ['student', 'teacher'];
const modes: TalkMode[] = ['faceToFace', 'phone', 'wechatQq', 'group'];
const topics: TalkTopic[] = ['ideology', 'academics', 'career', 'relationships', 'adaptation', 'dormFamily'];

/** The form's title: the seed's 电气工程学院辅导员谈心谈话登记表, with this college and the talker's role. */
export function talkFormTitle(collegeName: string, talk: Pick<TalkRecord, 'talkerRole'>): string {
  return `${collegeName}${talkerRoleLabel[talk.talkerRole]}谈心谈话登记表`;
}

/** One 谈心谈话登记表 (rules: 002-A3), fields in the form's order; `nth` recomputed from the whole list. */
export function talkPage(talk: TalkRecord, subject: TalkSubject, nth: number, collegeName: string): FormPage {
  const topicLine = `${ticks(
    topics.map((t) => talkTopicLabel[t]),
    talk.topics.map((t) => talkTopicLabel[t]),
  )}　其他：${talk.topics.includes('other') ? talk.otherTopic : ''}`;
  const values = [
    `姓名：${subject.name}　性别：${subject.gender}　班级：${subject.className}　电话：${subject.phone}`,
    `姓名：${talk.actorName}`,
    ticks(
      initiators.map((i) => talkInitiatorLabel[i]),
      [talkInitiatorLabel[talk.initiatedBy]],
    ),
    `第 ${nth} 次`,
    ticks(
      modes.map((m) => talkModeLabel[m]),
      [talkModeLabel[talk.mode]],
    ),
    topicLine,
    `${cnDateHour(talk.at)}（${talk.minutes} 分钟）`,
    talk.place,
    talk.firstImpression,
    talk.content,
    talk.measures,
    `${talk.actorName}（${wall(talk.confirmedAt)} 确认签名）`,
  ];
  return {
    title: talkFormTitle(collegeName, talk),
    blocks: [{ kind: 'fields', fields: talkFormLabels.map((label, i) => ({ label, value: values[i] ?? '' })) }],
  };
}

export function talkForm(talk: TalkRecord, subject: TalkSubject, nth: number, collegeName: string): FormDocument {
  return {
    kind: 'talk',
    title: `谈心谈话登记表 · ${talk.studentName} · ${wall(talk.at).slice(0, 10)}`,
    fileStem: fileStem('谈心谈话登记表', talk.studentId, talk.studentName, wall(talk.at).slice(0, 10)),
    pages: [talkPage(talk, subject, nth, collegeName)],
  };
}
