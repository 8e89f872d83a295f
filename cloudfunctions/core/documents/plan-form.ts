import type { FormDocument } from '../../../types/documents';
import { planStatusLabel, type ReviewerRole, type StudyPlan } from '../../../types/support';
import { cnDate, fileStem, wall } from './form-kit';

/** The form's own headings, in its order (rules: 002-A4). */
export const planFormLabels = [
  '姓名',
  '学院',
  '专业',
  '学号',
  '学业预警等级',
  '学习计划（含考核未通过的每一门课程的重修计划，须具体）',
  '学生签名',
  '年 月 日',
  '帮扶教师意见',
  '帮扶教师签名',
  '年 月 日',
] as const;

const reviewerLabel: Record<ReviewerRole, string> = { headTeacher: '班主任', tutor: '导师', counselor: '辅导员' };

/** Every owed course gets its line, a missing one shows as such (none left out: rules 002-A4.6). */
function planLines(plan: StudyPlan): string[] {
  const lines = plan.failedCourses.map((c) => {
    const line = plan.lines.find((l) => l.courseCode === c.code);
    return `${c.name}（${c.code}，${c.credits} 学分）：${line && line.retakePlan !== '' ? line.retakePlan : '（未填写）'}`;
  });
  return [
    ...lines,
    ...(plan.analysis ? [`自我分析：${plan.analysis}`] : []),
    ...(plan.goals ? [`学期目标与安排：${plan.goals}`] : []),
  ];
}

/**
 * 学习计划表 (rules: 002-A4 for years 1–2, 004-A5): the seed's fields in order, the student's
 * signature and date, the reviewer's opinion, signature and date, then the form's note and the
 * end-of-semester execution report (rules: 004-4.4).
 */
export function planForm(plan: StudyPlan, facts: { collegeName: string; major: string }): FormDocument {
  const review = plan.review;
  const values = [
    plan.studentName,
    facts.collegeName,
    facts.major,
    plan.studentId,
    plan.levelName,
    planLines(plan).join('\n'),
    plan.signature ? `${plan.signature.name}（${wall(plan.signature.at)} 签名）` : '未签名',
    cnDate(plan.signature?.at),
    review
      ? `${review.decision === 'approve' ? '同意' : '退回修改'}：${review.opinion}`
      : `（${planStatusLabel[plan.status]}）`,
    review ? `${review.byName}（${reviewerLabel[review.role]}）` : '',
    cnDate(review?.at),
  ];
  const yearsOneTwo = plan.reviewerRole === 'headTeacher';
  const title = yearsOneTwo
    ? `${facts.collegeName}学业预警学生学习计划表（大一、大二）`
    : `${facts.collegeName}学业警示学生个人学习计划`;
  return {
    kind: 'studyPlan',
    title: `学习计划表 · ${plan.studentName}`,
    fileStem: fileStem('学习计划表', plan.semester, plan.studentId, plan.studentName),
    pages: [
      {
        title,
        subtitle: `学院（公章）：　　　　${plan.semester} 学期`,
        blocks: [
          { kind: 'fields', fields: planFormLabels.map((label, i) => ({ label, value: values[i] ?? '' })) },
          {
            kind: 'lines',
            heading: '注意',
            lines: [
              '1、帮扶教师：学业预警由班主任完成；试读预警，由班主任和辅导员共同完成。',
              '2、学生可另附更详细的自我分析与计划。',
            ],
          },
          {
            kind: 'fields',
            heading: '执行情况（学期末）',
            fields: [
              {
                label: '执行情况报告',
                value: plan.report ? `${plan.report.text}（${wall(plan.report.at)}）` : '未提交',
              },
            ],
          },
        ],
      },
    ],
  };
}
