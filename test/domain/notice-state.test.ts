import { isCorrected, retiredLabel } from '../../src/services/notice-state';

describe('why a notice is no longer current', () => {
  it.each([
    ['notice-w:r1:2024311001', 'notice-w:r1:2024311001-v2', true],
    ['notice-w:r1:2024311001-v2', 'notice-w:r1:2024311001-v3', true],
    ['notice-w:r1:2024311001', 'notice-w:r2:2024311001', false],
    ['notice-w:r1:2024311001', null, false],
    ['notice-w:r1:2024311001', undefined, false],
  ])('%s replaced by %s → correction %s', (id, by, corrected) => {
    expect(isCorrected(id, by)).toBe(corrected);
    expect(retiredLabel(id, by)).toBe(corrected ? '已被更正' : '已结束（新名单已发布或警示已解除）');
  });
});
