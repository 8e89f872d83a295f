import { shanghai } from '../time/shanghai';

/** The paper form's tick boxes: every option in the form's order, the chosen ones ticked. */
export function ticks(options: readonly string[], chosen: readonly string[]): string {
  return options.map((o) => `${chosen.includes(o) ? '☑' : '☐'} ${o}`).join('　');
}

/** 年 月 日 as the forms print it: 2026 年 11 月 20 日. */
export function cnDate(at: string | null | undefined): string {
  if (!at) return '　　年　　月　　日';
  const d = shanghai(at);
  return `${d.year()} 年 ${d.month() + 1} 月 ${d.date()} 日`;
}

/** 年 月 日 时 (the talk record's 谈话时间). */
export function cnDateHour(at: string): string {
  return `${cnDate(at)} ${shanghai(at).hour()} 时`;
}

/** Wall time in Shanghai, to the minute. */
export function wall(at: string | null | undefined): string {
  return at ? shanghai(at).format('YYYY-MM-DD HH:mm') : '';
}

/** An empty value on paper stays a visible blank, never "undefined". */
export function orBlank(value: string | null | undefined): string {
  return value && value.trim() !== '' ? value : '';
}

/** File names carry names and dates only, never characters a file system refuses. */
export function fileStem(...parts: string[]): string {
  return parts
    .filter((p) => p !== '')
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '_');
}
