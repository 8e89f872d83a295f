import { z } from 'zod';
import { id, semesterId, text } from './fields';

/** 考试性质: the regular exam (正考), the make-up exam (补考) or a retake of the course (重修). */
export const Attempt = z.enum(['regular', 'makeup', 'retake'], {
  errorMap: () => ({ message: '考试性质应为 正考、补考 或 重修' }),
});
export type Attempt = z.infer<typeof Attempt>;

export const attemptLabel: Record<Attempt, string> = { regular: '正考', makeup: '补考', retake: '重修' };

/** 课程性质 as a policy counts it: required (必修), elective (选修) or a school-wide public elective (公选). */
export const CourseKind = z.enum(['required', 'elective', 'public'], {
  errorMap: () => ({ message: '课程性质应为 必修、选修 或 公选' }),
});
export type CourseKind = z.infer<typeof CourseKind>;

export const courseKindLabel: Record<CourseKind, string> = { required: '必修', elective: '选修', public: '公选' };

/**
 * One grade as the academic system exports it, after header mapping. The score stays raw
 * text: its meaning (numeric, grade word, 缺考 …) is read by the rules engine against the
 * policy's pass mark.
 */
export const GradeRow = z.object({
  studentId: id,
  studentName: text(64, '姓名').optional(),
  classId: text(64, '班级').optional(),
  courseCode: id,
  courseName: text(128, '课程名称').pipe(z.string().min(1, '课程名称不能为空')),
  credits: z
    .number({ required_error: '缺少学分', invalid_type_error: '学分应为数字' })
    .min(0, '学分不能为负数')
    .max(50, '学分过大（最多 50）'),
  score: text(32, '成绩').pipe(z.string().min(1, '成绩不能为空')),
  attempt: Attempt,
  semester: semesterId,
  teacherName: text(64, '任课教师').optional(),
  departmentId: text(64, '开课院系').optional(),
  /** 课程性质 when the export names it and it is one of the three kinds; the file's own word is kept beside it. */
  courseKind: CourseKind.optional(),
  courseKindName: text(32, '课程性质').optional(),
});
export type GradeRow = z.infer<typeof GradeRow>;

/** What a raw score means. `gradePoint` is null for results that do not enter the GPA. */
export const ScoreKind = z.enum([
  'numeric', // 0–100
  'grade-word', // 优秀/良好/中等/及格/不及格
  'pass-fail', // 合格/不合格, 通过/不通过
  'absent', // 缺考
  'truant', // 旷考
  'cheating', // 作弊, 违纪, 取消考试资格
  'exempt', // 免修/免考: passed without an attempt
  'deferred', // 缓考: no result yet
  'unknown',
]);
export type ScoreKind = z.infer<typeof ScoreKind>;

export const ScoreOutcome = z.enum(['pass', 'fail', 'none']);
export type ScoreOutcome = z.infer<typeof ScoreOutcome>;

export const ParsedScore = z.object({
  kind: ScoreKind,
  outcome: ScoreOutcome,
  /** Numeric value on the 100-point scale (grade words map to a representative mark). */
  value: z.number().nullable(),
  /** 4-point grade point, or null when the result is outside the GPA (pass/fail, exempt, none). */
  gradePoint: z.number().nullable(),
});
export type ParsedScore = z.infer<typeof ParsedScore>;

/**
 * A clerk's correction of one stored grade row after a student's objection ('gradeCorrections'):
 * the row is left out of every later run (exclude) or read with the corrected result (correct).
 * Audited (who, when, why) and never edited; a later correction of the same row wins.
 */
export const GradeCorrection = z.object({
  _id: z.string(),
  /** The grade row it corrects, by its key fields (see gradeDocId). */
  gradeId: z.string(),
  studentId: z.string(),
  collegeId: z.string(),
  courseCode: z.string(),
  courseName: z.string(),
  semester: z.string(),
  attempt: Attempt,
  action: z.enum(['exclude', 'correct']),
  /** The row as it was stored when corrected. */
  before: z.object({ score: z.string(), credits: z.number() }),
  /** For 'correct': the result and credits the row is read with. */
  score: z.string().nullable(),
  credits: z.number().nullable(),
  reason: z.string(),
  /** The objection it answered. */
  noticeId: z.string().nullable(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type GradeCorrection = z.infer<typeof GradeCorrection>;

/** One row change the clerk asks for when answering an objection. */
export const GradeRowChange = z
  .object({
    gradeId: z.string({ required_error: '请选择要更正的成绩' }).min(1, '请选择要更正的成绩').max(200, '成绩编号过长'),
    action: z.enum(['exclude', 'correct'], { errorMap: () => ({ message: '请选择“不计入”或“更正成绩”' }) }),
    score: text(32, '成绩').pipe(z.string().min(1, '请填写更正后的成绩')).optional(),
    credits: z
      .number({ invalid_type_error: '学分应为数字' })
      .min(0, '学分不能为负数')
      .max(50, '学分过大（最多 50）')
      .optional(),
  })
  .refine((c) => c.action === 'exclude' || c.score !== undefined, {
    message: '更正成绩时请填写更正后的成绩',
    path: ['score'],
  });
export type GradeRowChange = z.infer<typeof GradeRowChange>;
