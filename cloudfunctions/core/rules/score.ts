import type { ParsedScore, ScoreKind, ScoreOutcome } from '../../../types/grade';

/**
 * Reading a raw score as exported by academic systems. Grade words map to a representative
 * mark so that they enter the GPA like numbers; pass/fail words and exemptions do not.
 */

/** Five-level words and the mark they stand for (the middle of their band). */
const gradeWords: Record<string, number> = {
  优秀: 95,
  优: 95,
  良好: 85,
  良: 85,
  中等: 75,
  中: 75,
  及格: 65,
  不及格: 0,
  差: 0,
};

const fixed: Record<string, { kind: ScoreKind; outcome: ScoreOutcome }> = {
  合格: { kind: 'pass-fail', outcome: 'pass' },
  通过: { kind: 'pass-fail', outcome: 'pass' },
  不合格: { kind: 'pass-fail', outcome: 'fail' },
  不通过: { kind: 'pass-fail', outcome: 'fail' },
  未通过: { kind: 'pass-fail', outcome: 'fail' },
  缺考: { kind: 'absent', outcome: 'fail' },
  旷考: { kind: 'truant', outcome: 'fail' },
  作弊: { kind: 'cheating', outcome: 'fail' },
  违纪: { kind: 'cheating', outcome: 'fail' },
  取消资格: { kind: 'cheating', outcome: 'fail' },
  取消考试资格: { kind: 'cheating', outcome: 'fail' },
  免修: { kind: 'exempt', outcome: 'pass' },
  免考: { kind: 'exempt', outcome: 'pass' },
  // Credits recognised from a study-abroad exchange: passed, outside the GPA.
  出国交流认定: { kind: 'exempt', outcome: 'pass' },
  交流认定: { kind: 'exempt', outcome: 'pass' },
  认定: { kind: 'exempt', outcome: 'pass' },
  缓考: { kind: 'deferred', outcome: 'none' },
};

const numericPattern = /^[+]?(\d{1,3}(\.\d+)?|\.\d+)$/;

/** 4-point grade point of a passing mark: 60 → 1.0, 90 and above → 4.0. */
export function gradePointOf(mark: number): number {
  return Math.min(4, Math.max(1, (mark - 50) / 10));
}

export function parseScore(raw: string, passMark: number): ParsedScore {
  const text = raw.trim();
  if (numericPattern.test(text)) {
    const value = Number(text);
    if (value > 100) return unknown();
    const passed = value >= passMark;
    return { kind: 'numeric', outcome: passed ? 'pass' : 'fail', value, gradePoint: passed ? gradePointOf(value) : 0 };
  }
  const mark = gradeWords[text];
  if (mark !== undefined) {
    const passed = mark > 0;
    return {
      kind: 'grade-word',
      outcome: passed ? 'pass' : 'fail',
      value: mark,
      gradePoint: passed ? gradePointOf(mark) : 0,
    };
  }
  const word = fixed[text];
  if (word)
    return {
      kind: word.kind,
      outcome: word.outcome,
      value: null,
      gradePoint: word.kind === 'absent' || word.kind === 'truant' || word.kind === 'cheating' ? 0 : null,
    };
  return unknown();
}

function unknown(): ParsedScore {
  return { kind: 'unknown', outcome: 'none', value: null, gradePoint: null };
}

/**
 * A memoising reader for one run: real exports hold a few hundred distinct score texts over
 * millions of rows, so each is parsed once.
 */
export function createScoreReader(passMark: number): (raw: string) => ParsedScore {
  const cache = new Map<string, ParsedScore>();
  return (raw) => {
    let parsed = cache.get(raw);
    if (parsed === undefined) {
      parsed = parseScore(raw, passMark);
      cache.set(raw, parsed);
    }
    return parsed;
  };
}
