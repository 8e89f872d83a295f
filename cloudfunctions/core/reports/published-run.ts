import { DomainError } from '../errors';

/** The semester's latest published run: course tasks come from its list, and there is none before one is published. */
export function latestPublishedRun<R extends { publishedAt?: string | null | undefined }>(
  runs: readonly R[],
  semester: string,
): R & { publishedAt: string } {
  let latest: (R & { publishedAt: string }) | null = null;
  for (const run of runs) {
    const at = run.publishedAt;
    if (typeof at === 'string' && at !== '' && (latest === null || at > latest.publishedAt))
      latest = { ...run, publishedAt: at };
  }
  if (!latest)
    throw new DomainError('REPORTS.NOT_PUBLISHED', `${semester} 学期的警示名单尚未发布，无法生成课程分析任务`);
  return latest;
}
