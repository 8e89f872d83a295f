import { expect } from '@jest/globals';
import { gradesFunction } from '../../../cloudfunctions/grades/function';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { passedRows, uploadCsv } from '../../support/warnings-files';
import { storeWith } from '../../support/warnings-stores';

/** Defect 7: a job killed in its first call is resumed by the retry (not doubled), or expires. */
describe('grade import jobs hold a lease', () => {
  let h: EmptyHarness;
  let p: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    // 生工251班 grows to 10 students: 孙一鸣, 钱二妹, 赵三强 and 7 more.
    p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      for (let n = 4; n <= 10; n++)
        b.student(c.firstClass, { id: `2025311${String(n).padStart(3, '0')}`, name: `学生${n}` });
    });
  });
  afterAll(() => h.close());

  const ids = () => p.built.students.filter((s) => s.classId === p.firstClass._id).map((s) => s._id);
  const jobsOf = (fileId: string) => h.store.query('gradeImports', { where: { fileId } });

  /** The first call dies after creating its job and before any answer reaches the app. */
  async function killedFirstCall(fileId: string) {
    const dying = storeWith(h.store, {
      addMany: async () => {
        throw new Error('simulated kill -9');
      },
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const env = { store: dying, clock: h.clock, files: h.files, openid: DEMO_OPENID_PREFIX + p.clerkUser };
    expect(await gradesFunction.dispatch({ action: 'importChunk', input: { fileId } }, env)).toMatchObject({
      ok: false,
      code: 'INTERNAL',
    });
    const jobs = await jobsOf(fileId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.status).toBe('running');
    return jobs[0]?._id ?? '';
  }

  it('a retry of the first call finds the job instead of starting a second, and finishes it once the lease lapses', async () => {
    const fileId = uploadCsv(h, passedRows(ids(), 3, '2023-2024-2'));
    const jobId = await killedFirstCall(fileId);
    // Within the lease the killed call might still be alive: the retry answers with that job.
    const early = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId });
    expect(early).toMatchObject({ jobId, status: 'running' });
    h.clock.advance(61_000);
    const resumed = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId });
    expect(resumed).toMatchObject({ jobId, status: 'done', rows: 30, inserted: 30 });
    expect(await jobsOf(fileId)).toHaveLength(1);
  });

  it('a job nobody resumes expires: it shows as failed with a reason, and a new import can start', async () => {
    const fileId = uploadCsv(h, passedRows(ids(), 2, '2022-2023-1'));
    const jobId = await killedFirstCall(fileId);
    h.clock.advance(25 * 3_600_000);
    const seen = await h.ok(p.clerkUser, 'grades', 'importJob', { jobId });
    expect(seen).toMatchObject({ jobId, status: 'failed', message: expect.stringMatching(/中断/) });
    const fresh = await h.ok(p.clerkUser, 'grades', 'importChunk', { fileId });
    expect(fresh.jobId).not.toBe(jobId);
    expect(fresh).toMatchObject({ status: 'done', rows: 20 });
    expect((await jobsOf(fileId)).map((j) => j.status).sort()).toEqual(['done', 'failed']);
  });
});
