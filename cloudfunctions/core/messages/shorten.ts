/** Opening brackets and quotes, each with its closing partner. */
export const BRACKETS: Readonly<Record<string, string>> = {
  '（': '）',
  '(': ')',
  '【': '】',
  '[': ']',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '“': '”',
  '‘': '’',
  '{': '}',
  '〔': '〕',
};
const CLOSERS = new Set(Object.values(BRACKETS));

/** Between list items: a cut here keeps every shown item whole. */
const LIST_SEPARATORS = new Set(['、', '，', ',', '；', ';']);
/** Never left dangling before the ellipsis. */
const TRAILING = new Set([...LIST_SEPARATORS, '：', ':', ' ', '·', '/', '|', '—', '-', '。', '.']);
/** An ASCII word or number (a course code, "MA1011", "25"): cut before it, never inside. */
const WORD = /^[A-Za-z0-9]$/;
const ELLIPSIS = '…';

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** Where the first bracket still open at the end of `list` starts, or -1. */
function firstUnclosed(list: readonly string[]): number {
  const stack: { close: string; at: number }[] = [];
  list.forEach((ch, at) => {
    const close = BRACKETS[ch];
    if (close !== undefined) stack.push({ close, at });
    else if (stack.length > 0 && stack[stack.length - 1]?.close === ch) stack.pop();
  });
  return stack[0]?.at ?? -1;
}

function lastIndexWhere(list: readonly string[], test: (ch: string) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i] ?? '')) return i;
  return -1;
}

/**
 * A text cut to `limit` code points at a whole word, with an ellipsis: not inside an ASCII word,
 * never leaving a bracket open (a bracket left open by an earlier cut elsewhere is repaired too),
 * between list items when one ends near the cut. Unchanged when it already fits.
 */
export function shortenText(value: string, limit: number): string {
  const list = [...value];
  if (list.length <= limit && firstUnclosed(list) < 0) return value;
  let head = list.slice(0, list.length <= limit ? list.length : limit - ELLIPSIS.length);
  if (head.length < list.length && isWord(head[head.length - 1]) && isWord(list[head.length])) {
    let start = head.length;
    while (start > 0 && isWord(head[start - 1])) start--;
    head = head.slice(0, start);
  }
  const separator = lastIndexWhere(head, (ch) => LIST_SEPARATORS.has(ch));
  if (separator > 0 && separator >= Math.ceil((head.length * 2) / 3)) head = head.slice(0, separator);
  const open = firstUnclosed(head);
  if (open >= 0) head = head.slice(0, open);
  while (head.length > 0 && TRAILING.has(head[head.length - 1] ?? '')) head.pop();
  // One unbroken word longer than the field: a hard cut is all that is left (brackets dropped).
  if (head.length === 0)
    head = [
      ...list
        .filter((ch) => BRACKETS[ch] === undefined && !CLOSERS.has(ch))
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    ].slice(0, limit - ELLIPSIS.length);
  while (head.length > 0 && TRAILING.has(head[head.length - 1] ?? '')) head.pop();
  return `${head.join('')}${ELLIPSIS}`;
}
