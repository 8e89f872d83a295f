import type { Notice, NoticeEnding } from '../../../types/notice';

/**
 * How a notice stopped being in force. New records carry `endedAs`; records retired before it
 * was kept are read from what they hold: a later version of the same notice (`<id>-vN`) is a
 * correction, another notice a later list, none a lifting. Only here are ids read for meaning.
 */
export function noticeEnding(n: Pick<Notice, '_id' | 'status' | 'supersededBy' | 'endedAs'>): NoticeEnding | null {
  if (n.status !== 'superseded') return null;
  if (n.endedAs) return n.endedAs;
  if (!n.supersededBy) return 'lifted';
  const base = n._id.replace(/-v\d+$/, '');
  return n.supersededBy.startsWith(`${base}-v`) ? 'corrected' : 'replaced';
}
