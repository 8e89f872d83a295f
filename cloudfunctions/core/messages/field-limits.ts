import { wechatFieldLimit, type WechatFieldType } from '../../../types/messages-config';
import { shanghai } from '../time/shanghai';
import { BRACKETS, shortenText } from './shorten';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const LOCAL_MINUTE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function chars(value: string): string[] {
  return [...value];
}

/** A hard cut for the types whose characters carry no words (codes, digits): ASCII "..." marks it. */
function cutAscii(value: string, limit: number): string {
  const list = chars(value);
  return list.length <= limit ? value : `${list.slice(0, limit - 3).join('')}...`;
}

function dayText(y: string, m: string, d: string): string {
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Our stored instants (ISO, or "YYYY-MM-DD HH:mm" wall time) as WeChat's "2026年11月23日 09:00". */
function timeText(value: string, withClock: boolean): string | null {
  if (ISO.test(value)) return shanghai(value).format(withClock ? 'YYYY年M月D日 HH:mm' : 'YYYY年M月D日');
  const local = LOCAL_MINUTE.exec(value);
  if (local)
    return `${dayText(local[1] ?? '', local[2] ?? '', local[3] ?? '')}${withClock ? ` ${local[4]}:${local[5]}` : ''}`;
  const day = DAY.exec(value);
  if (day) return dayText(day[1] ?? '', day[2] ?? '', day[3] ?? '');
  return null;
}

/**
 * THE fit of one value to a WeChat data type — every template field goes through it
 * (core/messages/wechat-data.ts), so no message path cuts on its own. Counts code points; text
 * types are cut at whole words, never inside an ASCII word or a bracket, with an ellipsis; the
 * result is idempotent (fitting a fitted value changes nothing). Empty values become "无"
 * (WeChat rejects empty fields with 47003).
 */
export function fitField(type: WechatFieldType, value: string): string {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  const limit = wechatFieldLimit[type];
  switch (type) {
    case 'time':
    case 'date':
      return timeText(trimmed, type === 'time') ?? shortenText(trimmed || '无', limit);
    case 'character_string':
      return cutAscii(trimmed.replace(/[^\x21-\x7e]/g, '') || '-', limit);
    case 'number':
      return cutAscii(/\d+(\.\d+)?/.exec(trimmed.replace(/[\s,]/g, ''))?.[0] ?? '0', limit);
    case 'letter':
      return cutAscii(trimmed.replace(/[^A-Za-z]/g, '') || 'NA', limit);
    case 'symbol':
      return (
        chars(trimmed.replace(/[\sA-Za-z0-9\u4e00-\u9fff]/g, ''))
          .filter((ch) => BRACKETS[ch] === undefined)
          .slice(0, limit)
          .join('') || '-'
      );
    case 'phone_number':
      return chars(trimmed.replace(/[^0-9+-]/g, '') || '-')
        .slice(0, limit)
        .join('');
    case 'amount': {
      const amount = /(\d{1,10})(\.\d{1,2})?/.exec(trimmed.replace(/,/g, ''));
      return amount ? `${amount[1]}${amount[2] ?? ''}元` : '0元';
    }
    case 'car_number':
      return chars(trimmed.replace(/[^A-Za-z0-9\u4e00-\u9fff]/g, '') || '-')
        .slice(0, limit)
        .join('');
    case 'phrase':
      // phrase holds Chinese only, ≤ 5 characters: no room for an ellipsis.
      return chars(trimmed.replace(/[^\u4e00-\u9fff]/g, '') || '无')
        .slice(0, limit)
        .join('');
    case 'thing':
    case 'name':
      return shortenText(trimmed || '无', limit);
  }
}
