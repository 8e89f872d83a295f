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
  makeup: 'makeup',
  'make-up': 'makeup',
  重修: 'retake',
  重修考试: 'retake',
  重考: 'retake',
  重学: 'retake',
  retake: 'retake',
};

export function parseAttempt(text: string): Attempt | null {
  return words[text.trim().toLowerCase()] ?? null;
}
