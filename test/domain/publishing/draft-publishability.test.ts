import {
  publishBlock,
  type CollegeFacts,
  type DraftFacts,
} from '../../../cloudfunctions/core/publishing/draft-publishability';

const draft: DraftFacts = {
  runId: 'r2',
  semester: '2025-2026-2',
  status: 'draft',
  createdAt: '2026-03-02T09:00:00.000+08:00',
  basis: { publishedRunId: 'r1', corrections: 1 },
};
const quiet: CollegeFacts = {
  lastPublishOfSemester: { runId: 'r1', at: '2026-03-01T09:00:00.000+08:00', byName: '梁秘书' },
  latestPublishedSemester: '2025-2026-2',
  unexpectedActive: 0,
  keptButGone: 0,
  corrections: { count: 1, lastAt: '2026-02-20T10:00:00.000+08:00' },
};

describe('publishBlock: whether a draft may be published', () => {
  it.each<[string, Partial<DraftFacts>, Partial<CollegeFacts>, string | null]>([
    ['a draft made on the latest facts', {}, {}, null],
    [
      'a draft of a semester nobody published yet',
      { basis: { publishedRunId: null, corrections: 1 } },
      { lastPublishOfSemester: null, latestPublishedSemester: '2025-2026-1' },
      null,
    ],
    [
      'a draft whose own publication was interrupted (it is the last publish)',
      {},
      { lastPublishOfSemester: { runId: 'r2', at: '2026-03-02T10:00:00.000+08:00', byName: '梁秘书' } },
      null,
    ],
    [
      'another run of the semester published since the draft was made',
      {},
      { lastPublishOfSemester: { runId: 'r3', at: '2026-03-02T09:00:00.000+08:00', byName: '梁秘书' } },
      'RUN.OUTDATED',
    ],
    [
      'a draft without a recorded basis, older than the last publish',
      { basis: undefined },
      { lastPublishOfSemester: { runId: 'r3', at: '2026-03-02T09:30:00.000+08:00', byName: '梁秘书' } },
      'RUN.OUTDATED',
    ],
    ['a draft without a recorded basis, newer than the last publish', { basis: undefined }, {}, null],
    [
      'a later semester is already published',
      { semester: '2025-2026-1', basis: { publishedRunId: null, corrections: 1 } },
      { lastPublishOfSemester: null },
      'RUN.OLD_SEMESTER',
    ],
    ['warnings it did not measure against are active', {}, { unexpectedActive: 2 }, 'RUN.STALE'],
    ['a warning it keeps is no longer active', {}, { keptButGone: 1 }, 'RUN.STALE'],
    [
      'a grade row was corrected since the draft was made',
      {},
      { corrections: { count: 2, lastAt: '2026-03-02T11:00:00.000+08:00' } },
      'RUN.OUTDATED',
    ],
    [
      'no basis, corrected after the draft was made',
      { basis: undefined },
      { corrections: { count: 2, lastAt: '2026-03-02T11:00:00.000+08:00' } },
      'RUN.OUTDATED',
    ],
    ['a discarded draft', { status: 'discarded' }, {}, 'RUN.DISCARDED'],
  ])('%s', (_name, d, c, code) => {
    const facts: DraftFacts = { ...draft, ...d };
    if ('basis' in d && d.basis === undefined) delete facts.basis;
    const block = publishBlock(facts, { ...quiet, ...c });
    expect(block?.code ?? null).toBe(code);
    if (block) expect(block.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('says when the draft was made and when and by whom the semester was published since', () => {
    const block = publishBlock(draft, {
      ...quiet,
      lastPublishOfSemester: { runId: 'r3', at: '2026-03-05T14:20:00.000+08:00', byName: '梁秘书' },
    });
    expect(block?.message).toBe(
      '此草稿生成于 2026-03-02 09:00，之后 2025-2026-2 的名单已于 2026-03-05 14:20 由梁秘书发布，不能再发布此草稿；请重新运行规则',
    );
  });
});
