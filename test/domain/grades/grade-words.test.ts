import { parseAttempt } from '../../../cloudfunctions/core/grades/attempt-text';
import { normaliseSemester } from '../../../cloudfunctions/core/grades/semester-text';

describe('exam types (考试性质)', () => {
  test.each([
    ['正考', 'regular'],
    ['正常考试', 'regular'],
    ['初修', 'regular'],
    ['缓考', 'regular'],
    ['Regular', 'regular'],
    ['补考', 'makeup'],
    ['makeup', 'makeup'],
    ['重修', 'retake'],
    ['重考', 'retake'],
    [' retake ', 'retake'],
    ['补考2', null],
    ['', null],
  ])('%s → %s', (text, attempt) => {
    expect(parseAttempt(text)).toBe(attempt);
  });
});

describe('semester ids', () => {
  test.each([
    ['2025-2026-1', undefined, '2025-2026-1'],
    ['2025-2026-2', undefined, '2025-2026-2'],
    ['2025-2026学年第1学期', undefined, '2025-2026-1'],
    ['2025-2026学年第一学期', undefined, '2025-2026-1'],
    ['2025—2026学年第二学期', undefined, '2025-2026-2'],
    ['2025-2026 1', undefined, '2025-2026-1'],
    ['1', '2025-2026', '2025-2026-1'],
    ['第二学期', '2025-2026学年', '2025-2026-2'],
    ['秋季', '2025-2026', '2025-2026-1'],
    ['2025-2027-1', undefined, null],
    ['2025-2026-3', undefined, null],
    ['2025学年', undefined, null],
    ['1', undefined, null],
    ['3', '2025-2026', null],
  ])('%s (学年 %s) → %s', (text, year, semester) => {
    expect(normaliseSemester(text, year)).toBe(semester);
  });
});
