import { noticeEnding } from '../../../cloudfunctions/core/notices/ending';
import { retiredLabel } from '../../../src/services/notice-state';
import type { NoticeEnding } from '../../../types/notice';

describe('how a notice stopped being in force', () => {
  it.each<[string, string | undefined, NoticeEnding | undefined, NoticeEnding]>([
    // Recorded when it happened.
    ['notice-w:r1:2024311001', undefined, 'withdrawn', 'withdrawn'],
    ['notice-w:r1:2024311001', 'notice-w:r2:2024311001', 'replaced', 'replaced'],
    ['notice-w:r1:2024311001', undefined, 'lifted', 'lifted'],
    // Records retired before the ending was kept.
    ['notice-w:r1:2024311001', 'notice-w:r1:2024311001-v2', undefined, 'corrected'],
    ['notice-w:r1:2024311001-v2', 'notice-w:r1:2024311001-v3', undefined, 'corrected'],
    ['notice-w:r1:2024311001', 'notice-w:r2:2024311001', undefined, 'replaced'],
    ['notice-w:r1:2024311001', undefined, undefined, 'lifted'],
  ])('%s → %s (%s) ends as %s', (id, supersededBy, endedAs, expected) => {
    expect(noticeEnding({ _id: id, status: 'superseded', supersededBy, endedAs })).toBe(expected);
  });

  it('a notice in force has no ending, and each ending reads differently', () => {
    expect(noticeEnding({ _id: 'n', status: 'issued' })).toBeNull();
    const labels = (['corrected', 'replaced', 'lifted', 'withdrawn'] as const).map(retiredLabel);
    expect(new Set(labels).size).toBe(4);
    // Before: a withdrawn warning's notice read as a new list or a lifting.
    expect(retiredLabel('withdrawn')).toContain('撤销');
  });
});
