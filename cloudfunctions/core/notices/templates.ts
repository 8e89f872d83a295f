import { describeLifting } from '../rules/lifting';
import { presetPolicy } from '../rules/presets';

/**
 * What the notice tells the student and the parent will happen next, per policy level (seeds
 * 002, 003, 004). Keyed `policyId/levelId`; a level without its own entry falls back to its
 * id alone, then to the generic text. Data, not code: a college adds lines here, not branches.
 */
export type NoticeTemplate = {
  /** Steps the college takes (talks, parent contact, study plan), said to the student. */
  nextSteps: string[];
  /** The same steps said to the parent (家长联 speaks to the parent about "孩子", not "你"). */
  parentSteps: string[];
  /** The regulation the notice is issued under. */
  basis: string;
  /** What may follow if nothing improves (rules: 004-1.1 — 告知学生本人及其家长可能产生的不良后果). */
  consequences: string;
  /** How the warning ends, from the policy's lifting condition (解除). */
  lifting: string;
};

type LevelText = Omit<NoticeTemplate, 'lifting' | 'consequences'> & { consequences?: string };

/** The warning is there to prevent 留降级、退学、开除学籍 (rules: 004-1.2). */
const SEED_004_CONSEQUENCES =
  '如学业状况得不到改善，可能出现留级（降级）、退学等影响正常完成学业的后果，具体按学校学籍管理规定处理。';
/** A student who does not improve may be advised to suspend, transfer or withdraw (rules: 002-4.2.3.4). */
const SEED_002_CONSEQUENCES = '如学业仍无进步，学院可按学校规定提出休学、转专业或退学等处理意见。';

const generic: LevelText = {
  basis: '学院本科生学业警示及帮扶工作相关规定',
  nextSteps: ['班主任、辅导员将与你谈话，了解学习困难的原因', '在老师指导下制定个人学习计划，并按计划补修、重修课程'],
  parentSteps: [
    '班主任、辅导员将与孩子谈话，了解学习困难的原因',
    '孩子将在老师指导下制定个人学习计划，并按计划补修、重修课程',
  ],
};

export const noticeTemplates: Record<string, LevelText> = {
  'lzut-life/warning': {
    basis: '《生命科学与工程学院本科生学业警示及帮扶工作实施细则》',
    nextSteps: [
      '辅导员每学期至少与你谈话 2 次，班主任每月至少与你谈话 1 次',
      '辅导员将在 1 周内与家长联系，通报你的学习情况',
      '在班主任指导下制定《学业警示学生个人学习计划》，学期末提交执行情况',
    ],
    parentSteps: [
      '辅导员每学期至少与孩子谈话 2 次，班主任每月至少与孩子谈话 1 次',
      '辅导员将在 1 周内与您联系，通报孩子的学习情况',
      '孩子将在班主任指导下制定《学业警示学生个人学习计划》，学期末提交执行情况',
    ],
    consequences: SEED_004_CONSEQUENCES,
  },
  'lzut-life/oral': {
    basis: '《生命科学与工程学院本科生学业警示及帮扶工作实施细则》',
    nextSteps: ['班主任和辅导员将分别与你谈话，进行教育', '请按培养方案尽快重修未通过的课程'],
    parentSteps: ['班主任和辅导员将分别与孩子谈话，进行教育', '请督促孩子按培养方案尽快重修未通过的课程'],
    consequences: SEED_004_CONSEQUENCES,
  },
  'lzut-life/written': {
    basis: '《生命科学与工程学院本科生学业警示及帮扶工作实施细则》',
    nextSteps: [
      '班主任和辅导员将分别与你谈话，进行教育帮扶',
      '学院将与家长沟通你的学习情况',
      '在班主任指导下制定个人学习计划并按计划重修课程',
    ],
    parentSteps: [
      '班主任和辅导员将分别与孩子谈话，进行教育帮扶',
      '学院将与您沟通孩子的学习情况',
      '孩子将在班主任指导下制定个人学习计划并按计划重修课程',
    ],
    consequences: SEED_004_CONSEQUENCES,
  },
  'gxu-ee/warning': {
    basis: '《广西大学普通本科生学业警示办法》及学院学业帮扶实施办法',
    nextSteps: [
      '辅导员将电话联系家长，告知学业警示情况',
      '班主任将与你谈话，分析学习困难的原因',
      '制定个人学习计划（大一、大二由班主任审核，大三起由导师审核）',
    ],
    parentSteps: [
      '辅导员将电话联系您，告知学业警示情况',
      '班主任将与孩子谈话，分析学习困难的原因',
      '孩子将制定个人学习计划（大一、大二由班主任审核，大三起由导师审核）',
    ],
    consequences: SEED_002_CONSEQUENCES,
  },
  'gxu-ee/probation': {
    basis: '《广西大学普通本科生学业警示办法》及学院学业帮扶实施办法',
    nextSteps: [
      '班主任、辅导员将分别与你谈话',
      '班主任将电话联系家长，必要时请家长到校面谈',
      '制定个人学习计划并接受定期检查',
    ],
    parentSteps: [
      '班主任、辅导员将分别与孩子谈话',
      '班主任将电话联系您，必要时请您到校面谈',
      '孩子将制定个人学习计划并接受定期检查',
    ],
    consequences: SEED_002_CONSEQUENCES,
  },
  'bistu-me/struggling': {
    basis: '机电工程学院本科生学业质量提升工作方案',
    nextSteps: ['班主任、辅导员将与你谈话，了解学习困难', '制定学习计划，学院将跟踪检查执行情况'],
    parentSteps: ['班主任、辅导员将与孩子谈话，了解学习困难', '孩子将制定学习计划，学院将跟踪检查执行情况'],
  },
};

/** The policy's lifting condition in words; without one a warning lasts while its rules still fire. */
function liftingText(policyId: string): string {
  const lifting = presetPolicy(policyId)?.lifting;
  if (lifting) return `警示期内${describeLifting(lifting)}，即解除学业警示。`;
  return '之后的学期审核中不再符合警示条件（如重修通过相关课程）时，即解除学业警示。';
}

export function templateFor(policyId: string, levelId: string): NoticeTemplate {
  const level = noticeTemplates[`${policyId}/${levelId}`] ?? noticeTemplates[levelId] ?? generic;
  return { ...level, consequences: level.consequences ?? SEED_004_CONSEQUENCES, lifting: liftingText(policyId) };
}

/** Said on every copy, because a warning is a reminder and help, not a penalty (rules: 004-1.3). */
export const NOT_DISCIPLINARY = '学业警示是学院对学生的一种提醒性帮助，不是纪律处分，不记入学生档案。';
