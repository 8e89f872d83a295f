import type { NoticeEnding } from '../../types/notice';

/** What a person reads about a notice no longer in force; the server says how it ended. */
export const endingLabel: Record<NoticeEnding, string> = {
  corrected: '已被更正',
  replaced: '已结束（新名单已发布）',
  lifted: '已结束（警示已解除）',
  withdrawn: '已撤销（经异议核实，不再列入警示）',
};

export function retiredLabel(ending: NoticeEnding | null): string {
  return ending ? endingLabel[ending] : '';
}
