import {
  countingReport,
  eachSurviving,
  withReadableTimes,
} from '../../../cloudfunctions/platform/runtime/skip-bad-records';

/** The shared skip-and-report helpers every reader of many records uses (duty views, jobs, the deadline pass). */
describe('skip and report one bad record', () => {
  const quiet = () => countingReport(() => undefined);

  it('withReadableTimes keeps rows whose times are real instants and reports the others', () => {
    const report = quiet();
    const rows = [
      { _id: 'a', at: '2026-11-23T09:00:00.000+08:00' },
      { _id: 'b', at: 'Invalid Date' },
      { _id: 'c', at: '2026-11-23T09:00:00+99:99' },
      { _id: 'd', at: '0000-01-01T00:00:00Z' },
      { _id: 'e', at: 42 },
      { _id: 'f' },
    ];
    expect(withReadableTimes('dutyRecords', rows, ['at'], report).map((r) => r._id)).toEqual(['a', 'f']);
    expect(report.skipped.map((s) => s.id)).toEqual(['b', 'c', 'd', 'e']);
    expect(report.skipped.every((s) => s.collection === 'dutyRecords' && s.reason.length > 0)).toBe(true);
  });

  it('eachSurviving runs every item, reports the one that throws, and goes on', async () => {
    const report = quiet();
    const done: string[] = [];
    const skipped = await eachSurviving(
      'notices',
      ['n1', 'n2', 'n3'],
      (id) => id,
      async (id) => {
        if (id === 'n2') throw new Error('时间无法识别');
        done.push(id);
      },
      report,
    );
    expect(done).toEqual(['n1', 'n3']);
    expect(skipped).toEqual([{ collection: 'notices', id: 'n2', reason: '时间无法识别' }]);
    expect(report.skipped).toEqual(skipped);
  });
});
