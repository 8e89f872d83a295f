/**
 * What the notice tells the student and the parent will happen next, per policy level (seeds
 * 002, 003, 004). Keyed `policyId/levelId`; a level without its own entry falls back to its
 * id alone, then to the generic text. Data, not code: a college adds lines here, not branches.
 */
export type NoticeTemplate = {
  /** Steps the college takes (talks, parent contact, study plan). */
  nextSteps: string[];
  /** The regulation the notice is issued under. */
  basis: string;
};

const generic: NoticeTemplate = {
  basis: '学院本科生学业警示及帮扶工作相关规定',
  nextSteps: ['班主任、辅导员将与你谈话，了解学习困难的原因', '在老师指导下制定个人学习计划，并按计划补修、重修课程'],
};

export const noticeTemplates: Record<string, NoticeTemplate> = {
  'lzut-life/warning': {
    basis: '《生命科学与工程学院本科生学业警示及帮扶工作实施细则》',
    nextSteps: [
      '辅导员每学期至少与你谈话 2 次，班主任每月至少与你谈话 1 次',
      '辅导员将在 1 周内与家长联系，通报你的学习情况',
      '在班主任指导下制定《学业警示学生个人学习计划》，学期末提交执行情况',
    ],
  },
  'lzut-life/oral': {
    basis: '《生命科学与工程学院本科生学业警示及帮扶工作实施细则》',
    nextSteps: ['班主任和辅导员将分别与你谈话，进行教育', '请按培养方案尽快重修未通过的课程'],
  },
  'lzut-life/written': {
    basis: '《生命科学与工程学院本科生学业警示及帮扶工作实施细则》',
    nextSteps: ['班主任和辅导员将分别与你谈话，进行教育帮扶', '学院将与家长沟通你的学习情况', '在班主任指导下制定个人学习计划并按计划重修课程'],
  },
  'gxu-ee/warning': {
    basis: '《广西大学普通本科生学业警示办法》及学院学业帮扶实施办法',
    nextSteps: ['辅导员将电话联系家长，告知学业警示情况', '班主任将与你谈话，分析学习困难的原因', '制定个人学习计划（大一、大二由班主任审核，大三起由导师审核）'],
  },
  'gxu-ee/probation': {
    basis: '《广西大学普通本科生学业警示办法》及学院学业帮扶实施办法',
    nextSteps: ['班主任、辅导员将分别与你谈话', '班主任将电话联系家长，必要时请家长到校面谈', '制定个人学习计划并接受定期检查'],
  },
  'bistu-me/struggling': {
    basis: '机电工程学院本科生学业质量提升工作方案',
    nextSteps: ['班主任、辅导员将与你谈话，了解学习困难', '制定学习计划，学院将跟踪检查执行情况'],
  },
};

export function templateFor(policyId: string, levelId: string): NoticeTemplate {
  return noticeTemplates[`${policyId}/${levelId}`] ?? noticeTemplates[levelId] ?? generic;
}

/** Seed 004 §1.3: said on every copy, because a warning is a reminder and help, not a penalty. */
export const NOT_DISCIPLINARY = '学业警示是学院对学生的一种提醒性帮助，不是纪律处分，不记入学生档案。';
