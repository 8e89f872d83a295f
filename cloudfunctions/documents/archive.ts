import {
  type Archive,
  type ArchiveFileEntry,
  type ArchiveFilePart,
  type ArchiveManifest,
  type ArchiveSummary,
  type FormDocument,
} from '../../types/documents';
import { wholeCollegeIdsFor, wholeCollegeOf } from '../core/access/authorize';
import { semesterAt, semestersBefore } from '../core/calendar';
import { archiveConfig } from '../core/documents/archive-config';
import { archiveSeed, sampleStudents } from '../core/documents/archive-sample';
import { bound, liftedRegister } from '../core/documents/lifted-register';
import { noticeRegister } from '../core/documents/notice-register';
import { pairingForm } from '../core/documents/pairing-form';
import { planForm } from '../core/documents/plan-form';
import { studentTalkLedger } from '../core/documents/talk-ledger';
import { checkArchivable } from '../core/documents/archive-rules';
import { maskAccount } from '../core/support/bank-mask';
import { calendarSettings } from '../platform/calendar/stored-calendar';
import { renderBytes } from '../platform/documents/render';
import { sha256 } from '../platform/documents/zip';
import type { Context } from '../platform/runtime/define-function';
import { queryAll, type Store } from '../platform/store/store';
import { meetingsOfColleges } from '../application/repositories/meetings';
import { pairingsOfColleges } from '../application/repositories/pairings';
import { plansOfClasses } from '../application/repositories/plans';
import { talksOfCollege } from '../application/repositories/talks';
import { collegeName, classNames, studentNames, subjectless } from './archive-facts';
import { meetingDocument, subjectOf } from './casework-forms';
import { noticeDocument, noticeWithSignatures } from './notice-forms';
import { semesterSpan } from './period';

/** Characters of base64 per stored part: far below a document's size limit on either store. */
export const ARCHIVE_CHUNK = 256 * 1024;

export const archiveIdOf = (collegeId: string, semester: string) => `archive-${collegeId}-${semester}`;

export function summaryOf(a: ArchiveManifest): ArchiveSummary {
  return {
    archiveId: a.archiveId,
    semester: a.semester,
    createdAt: a.createdAt,
    createdByName: a.createdByName,
    semesterOpen: a.semesterOpen,
    files: a.files,
    sample: {
      talks: { population: a.sample.talks.population.length, chosen: a.sample.talks.chosen.length },
      plans: { population: a.sample.plans.population.length, chosen: a.sample.plans.chosen.length },
    },
    lifted: a.lifted.length,
  };
}

function clerkCollege(ctx: Context): string {
  return wholeCollegeOf(ctx.actor, 'archive.write');
}

const within = (at: string | undefined, from: number, until: number) =>
  at !== undefined && Date.parse(at) >= from && Date.parse(at) < until;

type Built = { path: string; doc: FormDocument; records: number };

/** Every form the archive keeps, built from the semester's records (the files are rendered after). */
async function buildForms(
  store: Store,
  collegeId: string,
  semester: string,
  span: { from: number; until: number },
  college: string,
) {
  const inSpan = (at: string | undefined) => within(at, span.from, span.until);
  const classes = await queryAll(store, 'classes', { where: { collegeId } });
  const classIds = classes.map((c) => c._id);
  const majors = new Map(classes.map((c) => [c._id, c.major]));

  // Always (rules: 002-4.2.4.1): the minutes and parent records held this semester, and the pairing forms.
  const meetings = (await meetingsOfColleges(store, [collegeId])).filter(
    (m) => (m.kind === 'collectiveTalk' || m.kind === 'parentMeeting') && m.record !== null && inSpan(m.at),
  );
  meetings.sort((a, b) => a.at.localeCompare(b.at) || a._id.localeCompare(b._id));
  const pairings = (await pairingsOfColleges(store, [collegeId]))
    .filter((p) => inSpan(p.at))
    .sort((a, b) => a.at.localeCompare(b.at));
  const helpers = await studentNames(
    store,
    pairings.map((p) => p.helperId),
  );

  // By sample (rules: 002-4.2.4.2): talk records and study plans of some typical students.
  const talks = (await talksOfCollege(store, collegeId)).filter((t) => inSpan(t.at));
  const plans = (await plansOfClasses(store, classIds)).filter(
    (p) => inSpan(p.at) || p.history.some((h) => inSpan(h.at)),
  );
  const seed = archiveSeed(collegeId, semester);
  const talkSample = sampleStudents(
    talks.map((t) => t.studentId),
    archiveConfig.talkSampleRate,
    archiveConfig.minimumSample,
    seed,
    'talks',
  );
  const planSample = sampleStudents(
    plans.map((p) => p.studentId),
    archiveConfig.planSampleRate,
    archiveConfig.minimumSample,
    seed,
    'plans',
  );
  const sampled = await studentNames(store, talkSample.chosen);
  const ledgers: FormDocument[] = [];
  for (const studentId of talkSample.chosen) {
    const student = sampled.get(studentId);
    if (!student) continue;
    ledgers.push(
      studentTalkLedger({
        talks: talks.filter((t) => t.studentId === studentId),
        subject: await subjectOf(store, student),
        collegeName: college,
      }),
    );
  }
  const chosenPlans = plans
    .filter((p) => planSample.chosen.includes(p.studentId))
    .sort((a, b) => a.studentId.localeCompare(b.studentId) || a.at.localeCompare(b.at));

  // The notices issued this semester (学院存根 with signatures and receipts, rules: 004-2.7).
  const notices = (await queryAll(store, 'notices', { where: { collegeId } }))
    .filter((n) => inSpan(n.issuedAt))
    .sort((a, b) => a._id.localeCompare(b._id));
  const noticeDocs: FormDocument[] = [];
  const noticeRows = [];
  for (const n of notices) {
    const found = await noticeWithSignatures(store, n._id);
    noticeRows.push(found.notice);
    noticeDocs.push(noticeDocument(found));
  }
  const names = await classNames(store, classIds);

  const lifted = (await queryAll(store, 'warnings', { where: { collegeId, status: 'lifted' } }))
    .filter((w) => inSpan(w.liftedAt))
    .map((w) => ({
      warningId: w._id,
      studentId: w.studentId,
      studentName: w.studentName,
      levelName: w.levelName,
      semester: w.semester,
      liftedAt: w.liftedAt ?? '',
    }))
    .sort((a, b) => a.warningId.localeCompare(b.warningId));

  const meetingDocs: FormDocument[] = [];
  for (const m of meetings) meetingDocs.push(await meetingDocument(store, m, semester));
  const forms: Built[] = [
    {
      path: '01-座谈会纪要与家长面谈记录',
      doc: bound('minutes', '座谈会纪要与家长面谈记录', 'minutes', meetingDocs),
      records: meetings.length,
    },
    {
      path: '02-朋辈帮扶申请表',
      // The archive is read by the college: the account is masked, as for everyone but the school approver.
      doc: bound(
        'pairing',
        '朋辈帮扶申请表',
        'pairings',
        pairings.map((p) =>
          pairingForm(
            { ...subjectless(p), bankAccount: maskAccount(p.bankAccountLast4), bankAccountMasked: true },
            { collegeName: college, helperMajor: majors.get(helpers.get(p.helperId)?.classId ?? '') ?? '' },
          ),
        ),
      ),
      records: pairings.length,
    },
    {
      path: '03-谈心谈话登记表（抽样）',
      doc: bound('talkLedger', '谈心谈话登记表（抽样）', 'talks', ledgers),
      records: talks.filter((t) => talkSample.chosen.includes(t.studentId)).length,
    },
    {
      path: '04-学习计划表（抽样）',
      doc: bound(
        'studyPlan',
        '学习计划表（抽样）',
        'plans',
        chosenPlans.map((p) => planForm(p, { collegeName: college, major: majors.get(p.classId) ?? '' })),
      ),
      records: chosenPlans.length,
    },
    {
      path: '05-学院存根登记簿',
      doc: noticeRegister({ collegeName: college, semester, notices: noticeRows, classNames: names }),
      records: noticeRows.length,
    },
    {
      path: '06-学业警示通知单（三联）',
      doc: bound('notice', '学业警示通知单（三联）', 'notices', noticeDocs),
      records: noticeDocs.length,
    },
    {
      path: '07-解除学业警示名单',
      doc: liftedRegister({ collegeName: college, semester, lifted }),
      records: lifted.length,
    },
  ];
  return { forms, seed, talkSample, planSample, lifted };
}

async function storeParts(ctx: Context, archiveId: string, files: { path: string; bytes: Buffer }[]): Promise<void> {
  // A run that stopped half way left parts behind: they are replaced, never mixed with new bytes.
  for (const old of await queryAll(ctx.store, 'archiveFiles', { where: { archiveId } }))
    await ctx.store.remove('archiveFiles', old._id);
  const parts: ArchiveFilePart[] = [];
  for (const f of files) {
    const text = f.bytes.toString('base64');
    for (let i = 0, index = 0; i < text.length || index === 0; i += ARCHIVE_CHUNK, index++) {
      parts.push({
        _id: `${archiveId}:${f.path}:${index}`,
        archiveId,
        path: f.path,
        index,
        data: text.slice(i, i + ARCHIVE_CHUNK),
      });
    }
  }
  for (let i = 0; i < parts.length; i += 50)
    await ctx.store.addMany('archiveFiles', parts.slice(i, i + 50), ctx.write());
}

/**
 * Lifted warnings of an archived semester leave the day-to-day views (the case, the student's
 * history) and stay in the archive (rules: 004-1.3, 002-4.2.4.1). Marked after the manifest: a
 * retry of an archive already made marks what is still unmarked.
 */
async function retireLifted(ctx: Context, archiveId: string, warningIds: readonly string[]): Promise<void> {
  for (const id of warningIds) {
    const w = await ctx.store.get('warnings', id);
    if (w && w.status === 'lifted' && w.archivedIn === undefined)
      await ctx.store.update('warnings', id, { archivedIn: archiveId }, w._version, ctx.write());
  }
}

/**
 * The clerk archives a semester (rules: 002-4.2.4.1, 002-4.2.4.2, 004-2.7): minutes and pairing
 * forms always, talk records and study plans of a seeded sample, the notices with signatures,
 * the lifted warnings. Each form as xlsx and PDF, its SHA-256 in the manifest. Frozen: made once
 * (the manifest is written last, after every file), asked again it is returned as it was.
 */
export async function archiveSemester(ctx: Context, semester: string): Promise<ArchiveSummary> {
  const collegeId = clerkCollege(ctx);
  const archiveId = archiveIdOf(collegeId, semester);
  const existing = await ctx.store.get('archives', archiveId);
  if (existing) {
    await retireLifted(
      ctx,
      archiveId,
      existing.lifted.map((w) => w.warningId),
    );
    return summaryOf(existing);
  }
  const now = ctx.clock.now();
  const span = await semesterSpan(ctx.store, semester);
  checkArchivable(span, now.getTime());
  const college = await collegeName(ctx.store, collegeId);
  const built = await buildForms(ctx.store, collegeId, semester, span, college);
  const files: { path: string; bytes: Buffer }[] = [];
  const entries: ArchiveFileEntry[] = [];
  for (const f of built.forms) {
    for (const format of ['xlsx', 'pdf'] as const) {
      const { bytes } = await renderBytes(f.doc, format, now);
      const path = `${f.path}.${format}`;
      files.push({ path, bytes });
      entries.push({ path, bytes: bytes.length, sha256: sha256(bytes), records: f.records, title: f.doc.title });
    }
  }
  await storeParts(ctx, archiveId, files);
  const manifest: Archive = {
    _id: archiveId,
    archiveId,
    collegeId,
    collegeName: college,
    semester,
    span: { start: span.start, end: span.end },
    semesterOpen: now.getTime() < span.until,
    createdAt: ctx.nowIso(),
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
    config: archiveConfig,
    sample: { seed: built.seed, talks: built.talkSample, plans: built.planSample },
    lifted: built.lifted.map(({ warningId, studentId, studentName, levelName, liftedAt }) => ({
      warningId,
      studentId,
      studentName,
      levelName,
      liftedAt,
    })),
    files: entries,
  };
  await ctx.store.add('archives', manifest, ctx.write());
  await retireLifted(
    ctx,
    archiveId,
    manifest.lifted.map((w) => w.warningId),
  );
  return summaryOf(manifest);
}

export async function archiveList(ctx: Context): Promise<ArchiveSummary[]> {
  const collegeIds = wholeCollegeIdsFor(ctx.actor, 'archive.read');
  if (collegeIds.length === 0) return [];
  const rows = await queryAll(ctx.store, 'archives', { where: { collegeId: { in: collegeIds } } });
  return rows.sort((a, b) => b.semester.localeCompare(a.semester)).map(summaryOf);
}

/** The current semester and the two before, with whether each ended and is archived. */
export async function archiveChoices(ctx: Context) {
  const collegeId = clerkCollege(ctx);
  const settings = await calendarSettings(ctx.store);
  const now = ctx.clock.now().getTime();
  const { semester } = semesterAt(settings, now);
  const all = [...semestersBefore(settings, semester.id, 2), semester];
  const archived = new Set((await queryAll(ctx.store, 'archives', { where: { collegeId } })).map((a) => a.semester));
  const out = [];
  for (const s of all.reverse()) {
    const span = await semesterSpan(ctx.store, s.id);
    out.push({ semester: s.id, name: `${s.id} ${s.name}`, ended: now >= span.until, archived: archived.has(s.id) });
  }
  return out;
}
