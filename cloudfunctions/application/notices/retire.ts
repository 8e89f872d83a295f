import { type NoticeStatePatch } from '../../../types/notice';
import type { TxStore, WriteContext } from '../../platform/store/store';
import { noticeIdOf } from './issue';

/** Why a warning's notice stops being in force: a later publication replaced or lifted the warning. */
export type NoticeRetirement = { kind: 'superseded'; byWarningId: string } | { kind: 'lifted' };

/** Corrections add versions one by one; far more than any notice gets, so the walk always ends. */
const MAX_VERSIONS = 50;

/**
 * Inside the caller's transaction (gets and updates only): every version of the warning's notice
 * still issued — the first issue, or the correction that replaced it — stops being in force, so no
 * receipt request or overdue note goes out for it any more. A replaced warning's notice points at
 * the new warning's notice. Idempotent: a notice no longer issued is left as it is.
 * Each records how it ended (`endedAs`), which the student's and parent's screens say.
 */
export async function retireNoticesInTx(
  tx: TxStore,
  warningId: string,
  retirement: NoticeRetirement,
  write: WriteContext,
): Promise<number> {
  let retired = 0;
  for (let version = 1; version <= MAX_VERSIONS; version++) {
    const notice = await tx.get('notices', noticeIdOf(warningId, version));
    if (!notice) break;
    if (notice.status !== 'issued') continue;
    const patch: NoticeStatePatch =
      retirement.kind === 'superseded'
        ? { status: 'superseded', endedAs: 'replaced', supersededBy: noticeIdOf(retirement.byWarningId) }
        : { status: 'superseded', endedAs: 'lifted' };
    await tx.update('notices', notice._id, patch, notice._version, write);
    retired++;
  }
  return retired;
}
