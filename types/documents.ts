import { z } from 'zod';

/**
 * Printed forms (留痕) as data: what a form builder in core/documents makes from the records and
 * every renderer (print view, xlsx, PDF) lays out the same way — the seed annex's title, its
 * fields in its order, its headings. Images are signatures (PNG data URL or a cloud file id).
 */
export type FormField = { label: string; value: string; image?: string };

export type FormBlock =
  | { kind: 'fields'; heading?: string; fields: FormField[] }
  | {
      kind: 'table';
      heading?: string;
      columns: string[];
      rows: string[][];
      /** Rows that open another form: the form kind and one id per row (the print view makes them taps). */
      links?: { form: 'notice'; ids: string[] };
    }
  | { kind: 'lines'; heading?: string; lines: string[] };

/** One printed sheet: a notice's copy, one talk's 登记表, a register. */
export type FormPage = { title: string; subtitle?: string; blocks: FormBlock[] };

export const DocumentKind = z.enum(
  ['notice', 'noticeRegister', 'talk', 'talkLedger', 'studyPlan', 'pairing', 'minutes', 'parentMeeting', 'dormRegister', 'classCheckRegister', 'compliance', 'archive'],
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
export type FormDocument = { kind: DocumentKind; title: string; fileStem: string; pages: FormPage[] };

export const DocumentFormat = z.enum(['view', 'xlsx', 'pdf'], { errorMap: () => ({ message: '导出格式应为 view、xlsx 或 pdf' }) });
export type DocumentFormat = z.infer<typeof DocumentFormat>;

export const documentFormatLabel: Record<DocumentFormat | 'zip', string> = { view: '打印预览', xlsx: 'Excel', pdf: 'PDF', zip: '归档压缩包' };

/** A generated file, base64 (the 汇总表 download works the same way). */
export type DocumentFile = { fileName: string; mime: string; base64: string; bytes: number };

export type DocumentAnswer = { document: FormDocument; file: DocumentFile | null };

export const DOCUMENT_EXPORTS = 'documentExports';
export const ARCHIVES = 'archives';
export const ARCHIVE_FILES = 'archiveFiles';

/** Who took what out of the system, and when (seed 004: a warning is not shown beyond those who handle it). */
export type DocumentExport = {
  _id: string;
  collegeId: string;
  byId: string;
  byName: string;
  at: string;
  kind: DocumentKind;
  format: DocumentFormat | 'zip';
  title: string;
  fileName: string;
  bytes: number;
  subject: { studentId?: string; classId?: string; semester?: string; personId?: string };
};

/** config/archive.json: how much of the talk records and study plans a semester archive samples (rules: 002-4.2.4.2). */
export const ArchiveConfig = z.object({
  talkSampleRate: z.number({ invalid_type_error: '抽样比例应为数字' }).min(0, '抽样比例不能小于 0').max(1, '抽样比例不能大于 1'),
  planSampleRate: z.number({ invalid_type_error: '抽样比例应为数字' }).min(0, '抽样比例不能小于 0').max(1, '抽样比例不能大于 1'),
  /** At least this many students each (when there are that many), so a small semester still has examples. */
  minimumSample: z.number().int().min(0).max(50),
});
export type ArchiveConfig = z.infer<typeof ArchiveConfig>;

export type ArchiveFileEntry = { path: string; bytes: number; sha256: string; records: number; title: string };

/** What the archive holds, written once when it is made: the zip carries it as manifest.json. */
export type ArchiveManifest = {
  archiveId: string;
  collegeId: string;
  collegeName: string;
  semester: string;
  span: { start: string; end: string };
  /** The semester had not ended when it was archived: a snapshot up to `createdAt`. */
  semesterOpen: boolean;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  config: ArchiveConfig;
  sample: {
    seed: string;
    talks: { population: string[]; chosen: string[] };
    plans: { population: string[]; chosen: string[] };
  };
  lifted: { warningId: string; studentId: string; studentName: string; levelName: string; liftedAt: string }[];
  files: ArchiveFileEntry[];
};

export type Archive = ArchiveManifest & { _id: string };

/** One stored piece of an archived file (base64, at most ARCHIVE_CHUNK characters). */
export type ArchiveFilePart = { _id: string; archiveId: string; path: string; index: number; data: string };

export type ArchiveSummary = {
  archiveId: string;
  semester: string;
  createdAt: string;
  createdByName: string;
  semesterOpen: boolean;
  files: ArchiveFileEntry[];
  sample: { talks: { population: number; chosen: number }; plans: { population: number; chosen: number } };
  lifted: number;
};

export type ExportRow = { exportId: string; at: string; byName: string; kindLabel: string; formatLabel: string; title: string; fileName: string; bytes: number };
