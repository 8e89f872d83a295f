import { wechatFieldLimit, type WechatFieldType } from '../../../types/messages-config';
import { shanghai } from '../time/shanghai';

/** Characters as WeChat counts them (code points, so a Chinese character counts once). */
function chars(value: string): string[] {
  return [...value];
}

function cut(value: string, limit: number): string {
  const list = chars(value);
  if (list.length <= limit) return value;
  return `${list.slice(0, limit - 1).join('')}…`;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A value made acceptable for a WeChat data type, so a long course list cannot make WeChat reject
 * the whole message with 47003: thing ≤ 20, phrase ≤ 5, name ≤ 10, character_string ≤ 32 ASCII,
 * time as "2026年11月23日 09:00". Empty values become "无" (WeChat rejects empty fields).
 */
export function fitField(type: WechatFieldType, value: string): string {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  const limit = wechatFieldLimit[type];
  switch (type) {
    case 'time':
      if (ISO.test(trimmed)) return shanghai(trimmed).format('YYYY年M月D日 HH:mm');
      if (DAY.test(trimmed)) return trimmed.replace(DAY, (_all, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
      return cut(trimmed || '无', limit);
    case 'character_string': {
      const ascii = trimmed.replace(/[^\x21-\x7e]/g, '');
      return cut(ascii || '-', limit);
    }
    case 'phrase':
      // phrase holds Chinese only, ≤ 5 characters: no room for an ellipsis.
      return chars(trimmed.replace(/[^\u4e00-\u9fff]/g, '') || '无').slice(0, limit).join('');
    case 'thing':
    case 'name':
      return cut(trimmed || '无', limit);
  }
}
