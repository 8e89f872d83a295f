import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { ArchiveManifest } from '../../types/documents';
import { localFiles } from '../../cloudfunctions/platform/files/local-files';
import { queryAll } from '../../cloudfunctions/platform/store/store';
import { wall } from '../../cloudfunctions/core/documents/form-kit';
import { Journey, openJourneyApp, type JourneyApp } from '../support/journey';
import { boundParentOf, makePaperTrail, type PaperTrail } from '../support/paper-trail';
import { readPdf } from '../support/pdf-read';
import { staff } from './steps/people';

jest.setTimeout(240_000);

/**
 * Issue 15's journeys on one product: a counselor prints a student's talk ledger and study plan;
 * the clerk prints a notice with its signatures and receipt, archives the semester and downloads
 * the zip, whose manifest checksums verify. The records are made first through the functions,
 * as the people would have made them on their phones (see test/support/paper-trail.ts).
 */
describe('journey: the paper trail comes out of the records', () => {
  let app: JourneyApp;
  let j: Journey;
  let t: PaperTrail;

  beforeAll(async () => {
    app = await openJourneyApp();
    // Whom to follow: a second-year student (the head teacher reviews the plan) warned in the
    // published list, whose parent is bound.
    const published = app.demo.timeline.finished[0].id;
    const secondYear = app.demo.classes.filter((c) => c.cohort === app.demo.timeline.cohorts[1]).map((c) => c._id);
    const warnings = (await queryAll(app.store, 'warnings', { where: { status: 'active' } }))
      .filter((w) => w.semester === published && secondYear.includes(w.classId) && boundParentOf(app.demo, w.studentId))
      .sort((a, b) => a.studentId.localeCompare(b.studentId));
    const warning = warnings[0];
    const student = app.demo.students.find((s) => s._id === warning?.studentId);
    if (!warning || !student) throw new Error(`no warned second-year student with a bound parent in ${published}`);
    t = await makePaperTrail(
      { store: app.store, clock: app.clock, files: localFiles(app.dataDir) },
      app.demo,
      student,
      { warning },
    );
  });
  afterEach(async () => {
    await j?.close();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('counselor: 帮扶名单与个案 → the student → 打印谈话记录 (PDF) → 打印学习计划 with the signature and the review', async () => {
    j = new Journey(app, 'paper-trail-counselor');
    j.note(`following ${t.student.name}（${t.student._id}）`);
    const cls = app.demo.classes.find((c) => c._id === t.student.classId);
    if (!cls) throw new Error('no class');
    const counselor = await j.signIn('辅导员', staff(app.demo, cls.counselorId));
    await counselor.tap('帮扶名单与个案');
    await counselor.tap(
      counselor.page.locator('.case-row').filter({ hasText: t.student.name }).first(),
      `${t.student.name}（帮扶名单）`,
    );
    await counselor.tap('打印谈话记录');
    await counselor.see(`${t.student.name}（${t.student._id}）谈话记录台账`);
    for (const talk of t.talks.filter((x) => x.content.length > 0).slice(-3)) await counselor.see(talk.content);
    await counselor.see('第 2 次');
    await counselor.see(/辅导员谈心谈话登记表$/);
    const pdf = await counselor.download('下载 PDF');
    const read = readPdf(readFileSync(pdf.path));
    expect(read.fontName).toMatch(/\+WenQuanYiZenHei$/);
    expect(read.text.join('').replace(/\s+/g, '')).toContain(t.talks[t.talks.length - 1]!.content.replace(/\s+/g, ''));
    j.note(
      `talk ledger PDF: ${readFileSync(pdf.path).length} B, ${read.pageCount} pages, font ${read.fontName} (${read.subsetGlyphs} glyphs)`,
    );
    await counselor.back();
    await counselor.tap('打印学习计划');
    await counselor.see('生命科学与工程学院学业预警学生学习计划表（大一、大二）');
    await counselor.see(`${t.student.name}（${wall(t.plan.signature?.at)} 签名）`);
    await counselor.see('同意：计划具体可行，同意');
    await counselor.see(`${t.plan.review?.byName}（班主任）`);
    const xlsx = await counselor.download('下载 Excel');
    expect(xlsx.name).toMatch(/^学习计划表-.*\.xlsx$/);
  });

  it('clerk: 文书打印与学期归档 → 学院存根登记簿 → the student → the notice with the signature and the signed receipt', async () => {
    j = new Journey(app, 'paper-trail-clerk-notice');
    const clerk = await j.signIn('教学秘书', staff(app.demo, 't-clerk'));
    await clerk.tap('文书打印与学期归档');
    await clerk.tap(`${t.notice.semester} 学期学院存根登记簿`);
    await clerk.see(`生命科学与工程学院 ${t.notice.semester} 学期学业警示通知单（学院存根）登记簿`);
    await clerk.tap(
      clerk.page.locator('.form-link').filter({ hasText: t.student._id }).first(),
      `${t.student.name}（登记簿）`,
    );
    await clerk.see('学业警示通知单（学院存根）');
    await clerk.see('学业警示通知单（学生联）');
    await clerk.see('学业警示通知单（家长联）');
    await clerk.see(`${t.student.name}（已签名）`);
    await clerk.see(`${t.notice.receipt?.parentName}（已签名）`);
    await clerk.see('已与孩子沟通，会督促其按计划重修');
    // Both signatures drawn on every copy that carries them: stub (2), student copy, parent copy.
    expect(await clerk.page.locator('.form-signature').count()).toBe(4);
    const pdf = await clerk.download('下载 PDF');
    expect(readPdf(readFileSync(pdf.path)).pageCount).toBeGreaterThanOrEqual(3);
  });

  it('clerk: archives the semester and downloads the zip; the checksums in its manifest verify', async () => {
    j = new Journey(app, 'paper-trail-clerk-archive');
    const clerk = await j.signIn('教学秘书', staff(app.demo, 't-clerk'));
    await clerk.tap('文书打印与学期归档');
    const semester = '2026-2027-1';
    await clerk.tap(`归档 ${semester}`);
    await clerk.tap('确定');
    await clerk.see(`${semester} 学期归档`);
    await clerk.see('02-朋辈帮扶申请表.pdf', clerk.page.locator('.archive-card'));
    const zipFile = await clerk.download('下载归档（zip）');
    const zip = await JSZip.loadAsync(readFileSync(zipFile.path));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as ArchiveManifest;
    expect(manifest.semester).toBe(semester);
    for (const entry of manifest.files) {
      const bytes = await zip.file(entry.path)!.async('nodebuffer');
      expect({ path: entry.path, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({
        path: entry.path,
        sha256: entry.sha256,
      });
    }
    expect(manifest.files.find((f) => f.path === '01-座谈会纪要与家长面谈记录.pdf')?.records).toBeGreaterThanOrEqual(2);
    j.note(
      `archive zip ${readFileSync(zipFile.path).length} B: ${manifest.files.length} files, talks sampled ${manifest.sample.talks.chosen.length}/${manifest.sample.talks.population.length}, plans ${manifest.sample.plans.chosen.length}/${manifest.sample.plans.population.length}; every SHA-256 verified`,
    );

    // The college leader sees who took what out.
    const leader = await j.signIn('学院领导', staff(app.demo, 't-leader'));
    await leader.tap('学期归档 · 导出与下载记录');
    await leader.tap('导出与下载记录');
    await leader.see(/学期归档 · 归档压缩包/);
    await leader.see(/谈话记录台账 · PDF/);
  });
});
