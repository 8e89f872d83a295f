import type { Attempt } from '../../../types/grade';

/** 考试性质 as academic systems write it. 缓考 is the deferred sitting of the regular exam. */
const words: Record<string, Attempt> = {
  正考: 'regular',
  正常: 'regular',
  正常考试: 'regular',
  初修: 'regular',
  首修: 'regular',
  初考: 'regular',
  期末: 'regular',
  期末考试: 'regular',
  缓考: 'regular',
  regular: 'regular',
  补考: 'makeup',
  补考一: 'makeup',
  // 清考: the last make-up sitting before graduation, without attending the course again.
  清考: 'makeup',
  毕业清考: 'makeup',
  毕业前补考: 'makeup',
  makeup: 'makeup',
  'make-up': 'makeup',
  重修: 'retake',
  重修考试: 'retake',
  重考: 'retake',
  重学: 'retake',
  retake: 'retake',
};

/** 第N次重修 / 第二次重修 / 重修1: a numbered retake is a retake. */
const numberedRetake = /^(第?[0-9一二三四五六七八九十]+次重修|重修[0-9一二三四五六七八九十]+)$/;

export function parseAttempt(text: string): Attempt | null {
  const t = text.trim().toLowerCase();
  return words[t] ?? (numberedRetake.test(t) ? 'retake' : null);
}
