import { performance } from 'node:perf_hooks';
import type { DocumentAnswer } from '../types/documents';
import { recordDemoActivity } from '../scripts/demo/activity';
import { openHarness } from '../test/support/harness';
import { boundParentOf, caller, makePaperTrail, type PaperTrail } from '../test/support/paper-trail';
import { secondYear, talkInput } from '../test/support/support-factories';

/**
 * Issue 15's figures: every printed form for one class of 40 (the demo's second-year class), as
 * xlsx and PDF, with its size and the time to generate it through the documents function (load,
 * build, render, record the export). Students whose parent is bound get the whole paper trail;
 * the others two talks each, so the class ledger covers all 40. Prints a table; asserts nothing.
 */
async function main(): Promise<void> {
  const h = await openHarness();
  const { cls } = secondYear(h.demo);
  const students = h.demo.students.filter((s) => s.classId === cls._id);
  const setup = performance.now();
  await recordDemoActivity(h.store, h.files, h.demo);
  const trails: PaperTrail[] = [];
  for (const s of students) if (boundParentOf(h.demo, s._id)) trails.push(await makePaperTrail(h, h.demo, s));
  const ok = caller(h);
  for (const s of students.filter((x) => !boundParentOf(h.demo, x._id))) {
    for (const day of ['2026-11-16', '2026-11-18'])
      await ok(cls.counselorId, 'support', 'recordTalk', talkInput(s._id, { at: `${day}T15:00:00+08:00` }));
  }
  console.log(
    `class ${cls.name}: ${students.length} students, ${trails.length} with the whole paper trail (setup ${((performance.now() - setup) / 1000).toFixed(1)} s)`,
  );

  type Row = {
    form: string;
    files: number;
    format: string;
    avgKB: number;
    maxKB: number;
    avgMs: number;
    maxMs: number;
    totalKB: number;
    totalMs: number;
  };
  const rows: Row[] = [];
  const measure = async (form: string, userId: string, action: string, inputs: Record<string, unknown>[]) => {
    for (const format of ['xlsx', 'pdf'] as const) {
      const sizes: number[] = [];
      const times: number[] = [];
      for (const input of inputs) {
        const started = performance.now();
        const r = await h.callAs(userId, 'documents', action as 'noticeForm', { ...input, format });
        times.push(performance.now() - started);
        if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`);
        const answer: DocumentAnswer = r.data;
        sizes.push(answer.file?.bytes ?? 0);
      }
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      rows.push({
        form,
        files: inputs.length,
        format,
        avgKB: sum(sizes) / sizes.length / 1024,
        maxKB: Math.max(...sizes) / 1024,
        avgMs: sum(times) / times.length,
        maxMs: Math.max(...times),
        totalKB: sum(sizes) / 1024,
        totalMs: sum(times),
      });
    }
  };
  const period = { from: '2026-09-01', to: '2026-11-30' };
  await measure(
    '学业警示通知单（三联）',
    cls.counselorId,
    'noticeForm',
    trails.map((t) => ({ noticeId: t.notice._id })),
  );
  await measure('学院存根登记簿（学期）', 't-clerk', 'noticeRegister', [
    { semester: trails[0]?.notice.semester ?? '2025-2026-2' },
  ]);
  await measure(
    '谈心谈话登记表',
    cls.counselorId,
    'talkForm',
    trails.flatMap((t) => t.talks.map((x) => ({ talkId: x._id }))),
  );
  await measure(
    '谈话台账（每生）',
    cls.counselorId,
    'studentTalkLedger',
    students.map((s) => ({ studentId: s._id })),
  );
  await measure('谈话台账（班级）', cls.counselorId, 'classTalkLedger', [{ classId: cls._id, period }]);
  await measure(
    '学习计划表',
    cls.headTeacherId,
    'planForm',
    trails.map((t) => ({ planId: t.plan._id })),
  );
  await measure(
    '朋辈帮扶申请表',
    't-affairs',
    'pairingForm',
    trails.map((t) => ({ pairingId: t.pairing._id })),
  );
  await measure(
    '座谈会纪要',
    cls.counselorId,
    'meetingForm',
    trails.map((t) => ({ meetingId: t.forum._id })),
  );
  await measure(
    '家长面谈记录',
    cls.counselorId,
    'meetingForm',
    trails.map((t) => ({ meetingId: t.parentMeeting._id })),
  );
  await measure('查寝登记表（班级）', cls.counselorId, 'dutyRegister', [
    { classId: cls._id, register: 'dormCheck', period },
  ]);
  await measure('查课登记表（班级）', cls.counselorId, 'dutyRegister', [
    { classId: cls._id, register: 'classCheck', period },
  ]);
  await measure('职责完成情况（班级）', cls.counselorId, 'complianceReport', [{ classId: cls._id, period }]);
  await measure('职责完成情况（个人）', cls.counselorId, 'complianceReport', [{ personId: cls.counselorId, period }]);

  const started = performance.now();
  const archive = await h.ok('t-clerk', 'documents', 'archiveSemester', { semester: '2026-2027-1' });
  const archiveMs = performance.now() - started;
  const zipStarted = performance.now();
  const zip = await h.ok('t-clerk', 'documents', 'archiveZip', { archiveId: archive.archiveId });
  const zipMs = performance.now() - zipStarted;

  console.log('form                         files fmt   avg KB   max KB   avg ms   max ms  total KB  total ms');
  for (const r of rows) {
    console.log(
      `${r.form.padEnd(22 - r.form.length / 2)} ${String(r.files).padStart(5)} ${r.format.padEnd(4)} ${r.avgKB.toFixed(1).padStart(8)} ${r.maxKB.toFixed(1).padStart(8)} ${r.avgMs.toFixed(0).padStart(8)} ${r.maxMs.toFixed(0).padStart(8)} ${r.totalKB.toFixed(0).padStart(9)} ${r.totalMs.toFixed(0).padStart(9)}`,
    );
  }
  console.log(
    `semester archive (whole college): ${archive.files.length} files, ${(archive.files.reduce((n, f) => n + f.bytes, 0) / 1024).toFixed(0)} KB, made in ${archiveMs.toFixed(0)} ms; zip ${(zip.bytes / 1024).toFixed(0)} KB in ${zipMs.toFixed(0)} ms`,
  );
  console.log(
    `  sample: talks ${archive.sample.talks.chosen}/${archive.sample.talks.population} students, plans ${archive.sample.plans.chosen}/${archive.sample.plans.population}`,
  );
  for (const f of archive.files) console.log(`  ${f.path}: ${(f.bytes / 1024).toFixed(1)} KB, ${f.records} records`);
  await h.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
