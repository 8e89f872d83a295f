import { z } from 'zod';

/**
 * Printed forms (留痕) as data: what a form builder in core/documents makes from the records and
 * every renderer (print view, xlsx, PDF) lays out the same way — the seed annex's title, its
 * fields in its order, its headings. Images are signatures (PNG data URL or a cloud file id).
 */
export const FormField = z.object({ label: z.string(), value: z.string(), image: z.string().optional() });
export type FormField = z.infer<typeof FormField>;

export const FormBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fields'), heading: z.string().optional(), fields: z.array(FormField) }),
  z.object({
    kind: z.literal('table'),
    heading: z.string().optional(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    /** Rows that open another form: the form kind and one id per row (the print view makes them taps). */
    links: z.object({ form: z.literal('notice'), ids: z.array(z.string()) }).optional(),
  }),
  z.object({ kind: z.literal('lines'), heading: z.string().optional(), lines: z.array(z.string()) }),
]);
export type FormBlock = z.infer<typeof FormBlock>;

/** One printed sheet: a notice's copy, one talk's 登记表, a register. */
export const FormPage = z.object({ title: z.string(), subtitle: z.string().optional(), blocks: z.array(FormBlock) });
export type FormPage = z.infer<typeof FormPage>;

export const DocumentKind = z.enum(
  [
    'notice',
    'noticeRegister',
    'talk',
    'talkLedger',
    'studyPlan',
    'pairing',
    'minutes',
    'parentMeeting',
    'dormRegister',
    'classCheckRegister',
    'compliance',
    'archive',
  ],
  { errorMap: () => ({ message: '文书类型不正确' }) },
);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const documentKindLabel: Record<DocumentKind, string> = {
  notice: '学业警示通知单',
  noticeRegister: '学院存根登记簿',
  talk: '谈心谈话登记表',
  talkLedger: '谈话记录台账',
  studyPlan: '学习计划表',
  pairing: '朋辈帮扶申请表',
  minutes: '座谈会纪要',
  parentMeeting: '家长面谈记录',
  dormRegister: '查寝登记表',
  classCheckRegister: '查课登记表',
  compliance: '职责完成情况报告',
  archive: '学期归档',
};

/** A whole document: one or more pages, and the file name (without extension) it downloads as. */
export const FormDocument = z.object({
  kind: DocumentKind,
  title: z.string(),
  fileStem: z.string(),
  pages: z.array(FormPage),
});
export type FormDocument = z.infer<typeof FormDocument>;

export const DocumentFormat = z.enum(['view', 'xlsx', 'pdf'], {
  errorMap: () => ({ message: '导出格式应为 view、xlsx 或 pdf' }),
});
export type DocumentFormat = z.infer<typeof DocumentFormat>;

export const documentFormatLabel: Record<DocumentFormat | 'zip', string> = {
  view: '打印预览',
  xlsx: 'Excel',
  pdf: 'PDF',
  zip: '归档压缩包',
};

/** A generated file, base64 (the 汇总表 download works the same way). */
export const DocumentFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), bytes: z.number() });
export type DocumentFile = z.infer<typeof DocumentFile>;

export const DocumentAnswer = z.object({ document: FormDocument, file: DocumentFile.nullable() });
export type DocumentAnswer = z.infer<typeof DocumentAnswer>;

/** Who took what out of the system, and when (a warning is not shown beyond those who handle it: the project's reading of rules: 004-1.3). */
export const DocumentExport = z.object({
  _id: z.string(),
  collegeId: z.string(),
  byId: z.string(),
  byName: z.string(),
  at: z.string(),
  kind: DocumentKind,
  format: z.union([DocumentFormat, z.literal('zip')]),
  title: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  subject: z.object({
    studentId: z.string().optional(),
    classId: z.string().optional(),
    semester: z.string().optional(),
    personId: z.string().optional(),
  }),
});
export type DocumentExport = z.infer<typeof DocumentExport>;

/** config/archive.json: how much of the talk records and study plans a semester archive samples (rules: 002-4.2.4.2). */
export const ArchiveConfig = z.object({
  talkSampleRate: z
    .number({ invalid_type_error: '抽样比例应为数字' })
    .min(0, '抽样比例不能小于 0')
    .max(1, '抽样比例不能大于 1'),
  planSampleRate: z
    .number({ invalid_type_error: '抽样比例应为数字' })
    .min(0, '抽样比例不能小于 0')
    .max(1, '抽样比例不能大于 1'),
  /** At least this many students each (when there are that many), so a small semester still has examples. */
  minimumSample: z.number().int().min(0).max(50),
});
export type ArchiveConfig = z.infer<typeof ArchiveConfig>;

export const ArchiveFileEntry = z.object({
  path: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  records: z.number(),
  title: z.string(),
});
export type ArchiveFileEntry = z.infer<typeof ArchiveFileEntry>;

const Population = z.object({ population: z.array(z.string()), chosen: z.array(z.string()) });

/** What the archive holds, written once when it is made: the zip carries it as manifest.json. */
export const ArchiveManifest = z.object({
  archiveId: z.string(),
  collegeId: z.string(),
  collegeName: z.string(),
  semester: z.string(),
  span: z.object({ start: z.string(), end: z.string() }),
  /** The semester had not ended when it was archived: a snapshot up to `createdAt`. */
  semesterOpen: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  config: ArchiveConfig,
  sample: z.object({ seed: z.string(), talks: Population, plans: Population }),
  lifted: z.array(
    z.object({
      warningId: z.string(),
      studentId: z.string(),
      studentName: z.string(),
      levelName: z.string(),
      liftedAt: z.string(),
    }),
  ),
  files: z.array(ArchiveFileEntry),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;

export const Archive = ArchiveManifest.extend({ _id: z.string() });
export type Archive = z.infer<typeof Archive>;

/** One stored piece of an archived file (base64, at most ARCHIVE_CHUNK characters). */
export const ArchiveFilePart = z.object({
  _id: z.string(),
  archiveId: z.string(),
  path: z.string(),
  index: z.number(),
  data: z.string(),
});
export type ArchiveFilePart = z.infer<typeof ArchiveFilePart>;

const Counted = z.object({ population: z.number(), chosen: z.number() });

export const ArchiveSummary = z.object({
  archiveId: z.string(),
  semester: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  semesterOpen: z.boolean(),
  files: z.array(ArchiveFileEntry),
  sample: z.object({ talks: Counted, plans: Counted }),
  lifted: z.number(),
});
export type ArchiveSummary = z.infer<typeof ArchiveSummary>;

export const ExportRow = z.object({
  exportId: z.string(),
  at: z.string(),
  byName: z.string(),
  kindLabel: z.string(),
  formatLabel: z.string(),
  title: z.string(),
  fileName: z.string(),
  bytes: z.number(),
});
export type ExportRow = z.infer<typeof ExportRow>;
