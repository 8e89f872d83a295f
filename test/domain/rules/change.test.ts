import { classifyChange } from '../../../cloudfunctions/core/rules';

describe('change against the previous run', () => {
  test.each([
    [-1, -1, 'none'],
    [-1, 0, 'new'],
    [-1, 2, 'new'],
    [0, 0, 'unchanged'],
    [0, 1, 'escalated'],
    [2, 1, 'deescalated'],
    [1, -1, 'lifted'],
  ])('previous %i, current %i → %s', (previous, current, change) => {
    expect(classifyChange(previous, current)).toBe(change);
  });
});
