/**
 * A notice stops being current in two ways: a correction (a new version of the same notice,
 * id `<notice>-v2`, `-v3` …) or the warning itself ending (a later list replaced it, or it was
 * lifted). The person reading it needs to know which.
 */
export function isCorrected(noticeId: string, supersededBy: string | null | undefined): boolean {
  const base = noticeId.replace(/-v\d+$/, '');
  return typeof supersededBy === 'string' && supersededBy.startsWith(`${base}-v`);
}

export function retiredLabel(noticeId: string, supersededBy: string | null | undefined): string {
  return isCorrected(noticeId, supersededBy) ? '已被更正' : '已结束（新名单已发布或警示已解除）';
}
