import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import JSZip from 'jszip';
import { ArchiveManifest } from '../../../types/documents';
import { archiveConfig } from '../../../cloudfunctions/core/documents/archive-config';
import { archiveSeed, sampleStudents } from '../../../cloudfunctions/core/documents/archive-sample';
import { liftedColumns } from '../../../cloudfunctions/core/documents/lifted-register';
import { queryAll } from '../../../cloudfunctions/platform/store/store';
import type { ClassInfo } from '../../../types/domain';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import type { TwoClasses } from '../../support/build/two-classes';
import { seedPaperTrailClass } from '../../support/build/duties';
import { makeWarning } from '../../support/notices-factories';
import { talkInput } from '../../support/support-factories';
import { seedSecondCollege, type SecondCollege } from '../../support/second-college';
import { boundParentOf, makePaperTrail, type PaperTrail } from '../../support/paper-trail';
import { readXlsx, tableOf } from '../../support/xlsx-read';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Issue 15 §2–3: the clerk's semester archive, its sample, its checksums, and who took it out. */
describe('documents: the semester archive and the export log', () => {
  let h: EmptyHarness;
  let t: PaperTrail;
  let chem: SecondCollege;
  let people: TwoClasses;
  /** 生工251班 (2025, second year), 21 students. */
  let cls: ClassInfo;
  let talkedWith: string[];
  const semester = '2026-2027-1';

  beforeAll(async () => {
    h = await openEmptyHarness();
    people = await seedPaperTrailClass(h.store, '2026-09-01T08:00:00.000+08:00', 21);
    cls = people.firstClass;
    chem = await seedSecondCollege(h.store, h.clock.now().toISOString());
    const classmates = people.built.students.filter((s) => s.classId === cls._id);
    const student = classmates.find((s) => boundParentOf(people.built, s._id));
    if (!student) throw new Error('no student with a bound parent');
    t = await makePaperTrail(h, people.built, student);
    // Talks with nine more students of the class: the sample has a population to choose from.
    talkedWith = classmates
      .filter((s) => s._id !== student._id)
      .slice(5, 14)
      .map((s) => s._id);
    for (const [i, id] of talkedWith.entries())
      await h.ok(
        cls.counselorId,
        'support',
        'recordTalk',
        talkInput(id, { at: `2026-11-${String(10 + (i % 9)).padStart(2, '0')}T15:00:00+08:00` }),
      );
    // A warning lifted this semester: it leaves day-to-day views and stays in the archive.
    const lifted = makeWarning(liftedStudent(), {
      _id: 'w-lifted-1',
      semester: '2025-2026-1',
      status: 'lifted',
      liftedAt: '2026-10-08T10:00:00.000+08:00',
    });
    await h.store.add('warnings', lifted, { by: 't-clerk', at: '2026-10-08T10:00:00.000+08:00' });
  }, 120_000);
  afterAll(() => h.close());

  let archiveId = '';
  const liftedStudent = () => {
    const s = people.built.students.filter((x) => x.classId === cls._id)[20];
    if (!s) throw new Error('class too small');
    return s;
  };

  it("before the archive, the lifted warning is still in the case and the student's history", async () => {
    const studentId = liftedStudent()._id;
    expect((await h.ok(cls.counselorId, 'support', 'caseView', { studentId })).warning?.id).toBe('w-lifted-1');
    expect((await h.ok(`s-${studentId}`, 'warnings', 'mine', {})).map((w) => w.warningId)).toContain('w-lifted-1');
  });

  it('archives the semester: minutes and pairing forms always, talks and plans by the configured seeded sample, each file as xlsx and PDF', async () => {
    const started = performance.now();
    const summary = await h.ok('t-clerk', 'documents', 'archiveSemester', { semester });
    const ms = performance.now() - started;
    archiveId = summary.archiveId;
    expect(summary.files.map((f) => f.path)).toEqual(
      [
        '01-座谈会纪要与家长面谈记录',
        '02-朋辈帮扶申请表',
        '03-谈心谈话登记表（抽样）',
        '04-学习计划表（抽样）',
        '05-学院存根登记簿',
        '06-学业警示通知单（三联）',
        '07-解除学业警示名单',
      ].flatMap((p) => [`${p}.xlsx`, `${p}.pdf`]),
    );
    expect(summary.files.find((f) => f.path === '01-座谈会纪要与家长面谈记录.pdf')?.records).toBe(2);
    expect(summary.files.find((f) => f.path === '02-朋辈帮扶申请表.pdf')?.records).toBe(1);
    // The sample, reproduced from the seed and the rate in config/archive.json.
    const population = [t.student._id, ...talkedWith].sort();
    const expected = sampleStudents(
      population,
      archiveConfig.talkSampleRate,
      archiveConfig.minimumSample,
      archiveSeed(people.built.college._id, semester),
      'talks',
    );
    expect(summary.sample.talks).toEqual({ population: population.length, chosen: expected.chosen.length });
    expect(expected.chosen.length).toBe(
      Math.max(Math.ceil(population.length * archiveConfig.talkSampleRate), archiveConfig.minimumSample),
    );
    expect(summary.sample.plans).toEqual({ population: 1, chosen: 1 });
    expect(summary.lifted).toBe(1);
    const bytes = summary.files.reduce((n, f) => n + f.bytes, 0);
    process.stdout.write(
      `[documents] archive ${semester}: ${summary.files.length} files, ${bytes} B, made in ${ms.toFixed(0)} ms\n${summary.files.map((f) => `  ${f.path} ${f.bytes} B (${f.records} records)`).join('\n')}\n`,
    );
  });

  it("archived, the lifted warning leaves the day-to-day views (case, the student's history) and stays in the archive", async () => {
    const studentId = liftedStudent()._id;
    expect((await h.ok(cls.counselorId, 'support', 'caseView', { studentId })).warning).toBeNull();
    expect((await h.ok(`s-${studentId}`, 'warnings', 'mine', {})).map((w) => w.warningId)).not.toContain('w-lifted-1');
    expect((await h.store.get('warnings', 'w-lifted-1'))?.archivedIn).toBe(archiveId);
  });

  it('is frozen: archiving again returns the same archive and writes nothing', async () => {
    const parts = await h.store.count('archiveFiles');
    const again = await h.ok('t-clerk', 'documents', 'archiveSemester', { semester });
    expect(again.archiveId).toBe(archiveId);
    expect(await h.store.count('archiveFiles')).toBe(parts);
  });

  it('downloads as one zip whose manifest checksums verify, with the sample and the lifted warning recorded', async () => {
    const started = performance.now();
    const file = await h.ok('t-clerk', 'documents', 'archiveZip', { archiveId });
    const ms = performance.now() - started;
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const manifest = ArchiveManifest.parse(JSON.parse(await zip.file('manifest.json')!.async('string')));
    expect(manifest.semester).toBe(semester);
    expect(manifest.config).toEqual(archiveConfig);
    expect(manifest.sample.talks.population).toEqual([t.student._id, ...talkedWith].sort());
    for (const entry of manifest.files) {
      const bytes = await zip.file(entry.path)!.async('nodebuffer');
      expect(bytes.length).toBe(entry.bytes);
      expect(sha(bytes)).toBe(entry.sha256);
    }
    const sums = (await zip.file('SHA256SUMS')!.async('string')).trim().split('\n');
    expect(sums).toEqual(manifest.files.map((f) => `${f.sha256}  ${f.path}`));
    expect(manifest.lifted.map((w) => w.warningId)).toEqual(['w-lifted-1']);
    const lifted = tableOf(
      (await readXlsx(await zip.file('07-解除学业警示名单.xlsx')!.async('nodebuffer')))[0]!,
      liftedColumns,
    );
    expect(lifted.map((r) => r[1])).toEqual([manifest.lifted[0]?.studentId]);
    // The archive is read by the college: the bank account is masked in it.
    const pairingSheet = await readXlsx(await zip.file('02-朋辈帮扶申请表.xlsx')!.async('nodebuffer'));
    expect(JSON.stringify(pairingSheet)).not.toContain(t.bankAccount);
    // The same archive downloads as the same bytes.
    expect((await h.ok('t-clerk', 'documents', 'archiveZip', { archiveId })).base64).toBe(file.base64);
    process.stdout.write(`[documents] archive zip: ${file.bytes} B in ${ms.toFixed(0)} ms\n`);
  });

  it('refuses a download whose stored bytes no longer match the manifest', async () => {
    const [part] = await queryAll(h.store, 'archiveFiles', { where: { archiveId } });
    if (!part) throw new Error('no archive part');
    const changed = `${part.data.slice(0, -8)}AAAAAAAA`;
    await h.store.update('archiveFiles', part._id, { data: changed }, part._version, {
      by: 'test',
      at: h.clock.now().toISOString(),
    });
    expect(await h.callAs('t-clerk', 'documents', 'archiveZip', { archiveId })).toMatchObject({
      ok: false,
      code: 'ARCHIVE.CHECKSUM',
    });
    const now = await h.store.get('archiveFiles', part._id);
    await h.store.update('archiveFiles', part._id, { data: part.data }, now?._version ?? 0, {
      by: 'test',
      at: h.clock.now().toISOString(),
    });
    expect((await h.callAs('t-clerk', 'documents', 'archiveZip', { archiveId })).ok).toBe(true);
  });

  it("only the college's clerk archives; its leader may download; class staff and another college may not", async () => {
    expect(await h.callAs(people.counselorUser, 'documents', 'archiveSemester', { semester })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(await h.callAs(people.leaderUser, 'documents', 'archiveSemester', { semester })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect((await h.callAs(people.leaderUser, 'documents', 'archiveZip', { archiveId })).ok).toBe(true);
    expect(await h.callAs(people.counselorUser, 'documents', 'archiveZip', { archiveId })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(await h.callAs(chem.people.clerkUser, 'documents', 'archiveZip', { archiveId })).toMatchObject({
      ok: false,
      code: 'ACCESS.DENIED',
    });
    expect(await h.ok(chem.people.clerkUser, 'documents', 'archives', {})).toEqual([]);
    expect(await h.callAs('t-clerk', 'documents', 'archiveSemester', { semester: '2027-2028-1' })).toMatchObject({
      ok: false,
      code: 'ARCHIVE.SEMESTER_FUTURE',
      field: 'semester',
    });
  });

  it('forms keep the reach of the screens: other classes and colleges are denied', async () => {
    const otherCounselor = people.built.classes.find((c) => c.counselorId !== cls.counselorId)?.counselorId ?? '';
    expect(otherCounselor).toBe(people.otherCounselorUser);
    for (const [action, input] of [
      ['noticeForm', { noticeId: t.notice._id }],
      ['talkForm', { talkId: t.talks[0]!._id }],
      ['studentTalkLedger', { studentId: t.student._id }],
      ['planForm', { planId: t.plan._id }],
      ['pairingForm', { pairingId: t.pairing._id }],
      ['meetingForm', { meetingId: t.parentMeeting._id }],
    ] as const) {
      for (const userId of [
        otherCounselor,
        chem.people.counselorUser,
        chem.people.leaderUser,
        `s-${t.student._id}`,
        t.parentUserId,
        people.assistantUser,
      ]) {
        const answer = await h.callAs(userId, 'documents', action, { ...input, format: 'view' });
        expect({ action, userId, code: answer.ok ? 'ok' : answer.code }).toEqual({
          action,
          userId,
          code: 'ACCESS.DENIED',
        });
      }
    }
    // The clerk files notices but does not read counselors' talk notes (the screens' reach).
    expect(
      await h.callAs('t-clerk', 'documents', 'talkForm', { talkId: t.talks[0]!._id, format: 'view' }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
    expect((await h.callAs('t-clerk', 'documents', 'noticeForm', { noticeId: t.notice._id, format: 'view' })).ok).toBe(
      true,
    );
    // A leader tracks notices but does not print them (as noticeRecord).
    expect(
      await h.callAs(people.leaderUser, 'documents', 'noticeForm', { noticeId: t.notice._id, format: 'view' }),
    ).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  });

  it("every export and download is in the leader's log (who, what, when); only the leader of that college sees it", async () => {
    const before = (await h.ok(people.leaderUser, 'documents', 'exportLog', {})).length;
    h.clock.advance(60_000);
    await h.ok(cls.counselorId, 'documents', 'studentTalkLedger', {
      studentId: t.student._id,
      format: 'pdf',
    });
    h.clock.advance(60_000);
    await h.ok('t-clerk', 'documents', 'archiveZip', { archiveId });
    const log = await h.ok(people.leaderUser, 'documents', 'exportLog', {});
    expect(log.length).toBe(before + 2);
    const [zip, ledger] = log;
    expect(zip).toMatchObject({
      byName: people.built.user('t-clerk').name,
      kindLabel: '学期归档',
      formatLabel: '归档压缩包',
    });
    expect(ledger).toMatchObject({ kindLabel: '谈话记录台账', formatLabel: 'PDF' });
    expect(ledger?.title).toContain(t.student.name);
    expect(Date.parse(zip?.at ?? '')).toBe(h.clock.now().getTime());
    expect(await h.ok(chem.people.leaderUser, 'documents', 'exportLog', {})).toEqual([]);
    for (const userId of ['t-clerk', people.counselorUser, `s-${t.student._id}`])
      expect(await h.callAs(userId, 'documents', 'exportLog', {})).toMatchObject({ ok: false, code: 'ACCESS.DENIED' });
  });
});
