import { type InboxItem } from '../../../types/notice';
import { messagesConfig, templateOf } from '../../core/messages/config';
import type { SendResult } from '../../core/messages/send-outcome';
import { displayLines } from '../../core/messages/wechat-data';
import { DuplicateIdError, type Store } from '../store/store';
import type { OutboxRow } from './outbox';
import type { MessageSender } from './sender';

/**
 * The local stand-in for WeChat: a delivered message becomes a row in 'inbox' (what the inbox
 * page shows), with the same fields WeChat would show, cut to the same limits. Delivering the
 * same row twice keeps one inbox item (its id is the outbox id).
 */
export function localSender(store: Store): MessageSender {
  return {
    name: 'local',
    async send(row: OutboxRow, nowIso: string): Promise<SendResult> {
      const template = templateOf(row.kind, messagesConfig);
      if (!template) return { errcode: -2, errmsg: `未配置模板（${row.kind}）` };
      if (!row.toOpenid) return { errcode: 40003, errmsg: '收件人没有微信 openid' };
      const item: Omit<InboxItem, 'deliveredAt'> & { deliveredAt: string } = {
        _id: row._id,
        toUserId: row.toUserId,
        kind: row.kind,
        title: template.title,
        lines: displayLines(template, row.data),
        page: row.page,
        deliveredAt: nowIso,
      };
      if (await store.get('inbox', item._id)) return { errcode: 0, errmsg: 'ok (already delivered)' };
      try {
        await store.add('inbox', item, { by: 'scheduler', at: nowIso });
      } catch (error) {
        // Another pass delivered it between the get and the add: still delivered once.
        if (!(error instanceof DuplicateIdError) && !(await store.get('inbox', item._id))) throw error;
      }
      return { errcode: 0, errmsg: 'ok' };
    },
  };
}
