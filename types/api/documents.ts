import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id, semesterId } from '../fields';
import { ArchiveSummary, DocumentAnswer, DocumentFile, DocumentFormat, ExportRow } from '../documents';

const format = DocumentFormat.default('view');

/** A wall-calendar day in Shanghai, e.g. 2026-11-02. */
export const day = (label: string) =>
  z
    .string({ required_error: `缺少${label}`, invalid_type_error: `${label}应为文字` })
    .regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `${label}格式应为 2026-11-02`);

/** A period of days, both included, at most a semester long. */
export const Period = z.object({ from: day('开始日期'), to: day('结束日期') }).superRefine((p, ctx) => {
  if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  else if (Date.parse(`${p.to}T00:00:00+08:00`) - Date.parse(`${p.from}T00:00:00+08:00`) > 200 * 86_400_000)
    ctx.addIssue({ code: 'custom', path: ['to'], message: '统计期间最长 200 天' });
});

export const ArchiveChoice = z.object({
  semester: z.string(),
  name: z.string(),
  ended: z.boolean(),
  archived: z.boolean(),
});
export type ArchiveChoice = z.infer<typeof ArchiveChoice>;

/** Duties evaluated over the stored calendar and records: no semester began yet, or a stored time nobody can read. */
const evaluationErrors = [Errors.duties.CalendarGap, Errors.duties.RecordInvalid, Errors.duties.CaseInvalid] as const;

/** A form answers only the common codes: a record out of reach is ACCESS.DENIED, a missing one NOT_FOUND. */
export const documentsApi = {
  /** 学业警示通知单 in its three copies, with the student's signature and the parent's signed receipt (rules: 004-A2, 004-A3, 004-2.7). */
  noticeForm: action(z.object({ noticeId: id, format }))
    .returns(DocumentAnswer)
    .fails(),
  /** 学院存根 register: the college's notices of a semester (rules: 004-2.7). */
  noticeRegister: action(z.object({ semester: semesterId, format }))
    .returns(DocumentAnswer)
    .fails(),
  /** 谈心谈话登记表 of one talk (rules: 002-A3). */
  talkForm: action(z.object({ talkId: id, format }))
    .returns(DocumentAnswer)
    .fails(),
  /** A student's talks: the ledger and each talk's 登记表 (rules: 002-A3, 004-4.5). */
  studentTalkLedger: action(z.object({ studentId: id, format }))
    .returns(DocumentAnswer)
    .fails(),
  /** A class's talks in a period, bound by class (rules: 004-5.1). */
  classTalkLedger: action(z.object({ classId: id, period: Period, format }))
    .returns(DocumentAnswer)
    .fails(),
  /** 学习计划表 with the student's signature and the review (rules: 002-A4, 004-A5). */
  planForm: action(z.object({ planId: id, format }))
    .returns(DocumentAnswer)
    .fails(),
  /** 朋辈帮扶申请表; the bank account in clear only in the school approver's copy (rules: 002-A2). */
  pairingForm: action(z.object({ pairingId: id, format }))
    .returns(DocumentAnswer)
    .fails(),
  /** 座谈会纪要 (rules: 002-A1) or the parent face-to-face record signed by the parent (rules: 004-4.10). */
  meetingForm: action(z.object({ meetingId: id, format }))
    .returns(DocumentAnswer)
    .fails(),
  /** 查寝 or 查课 register of a class for a period (rules: 001-2.6.2, 001-3.1). */
  dutyRegister: action(
    z.object({
      classId: id,
      register: z.enum(['dormCheck', 'classCheck'], { errorMap: () => ({ message: '登记表类型应为查寝或查课' }) }),
      period: Period,
      format,
    }),
  )
    .returns(DocumentAnswer)
    .fails(),
  /** Duty compliance for a period, per class or per person (the duties evaluator's items). */
  complianceReport: action(
    z
      .object({ classId: id.optional(), personId: id.optional(), period: Period, format })
      .refine((r) => (r.classId === undefined) !== (r.personId === undefined), {
        message: '请选择一个班级或一名教师',
        path: ['classId'],
      }),
  )
    .returns(DocumentAnswer)
    .fails(...evaluationErrors),

  /** The clerk archives a semester: frozen once made (rules: 002-4.2.4.1, 002-4.2.4.2). */
  archiveSemester: action(z.object({ semester: semesterId }))
    .returns(ArchiveSummary)
    .fails(Errors.documents.ArchiveSemesterFuture),
  archives: action(z.object({})).returns(z.array(ArchiveSummary)).fails(),
  /** The archive as one zip: manifest.json, SHA256SUMS and the files, checked against the manifest first. */
  archiveZip: action(z.object({ archiveId: id }))
    .returns(DocumentFile)
    .fails(Errors.documents.ArchiveChecksum),
  /** Semesters the clerk may archive: the current one and the two before. */
  archiveChoices: action(z.object({})).returns(z.array(ArchiveChoice)).fails(),

  /** Who exported or downloaded what, newest first (the college leader). */
  exportLog: action(z.object({})).returns(z.array(ExportRow)).fails(),
};
export type DocumentsApi = typeof documentsApi;
