/** Mainland numbers as compared: digits only, without +86 / 0086. */
export function normalPhone(p: string): string {
  return p.replace(/\D/g, '').replace(/^(0086|86)(?=1\d{10}$)/, '');
}

/** Whether WeChat's verified number is one of the parent phones on file (one or two). */
export function phoneOnFile(verified: string, onFile: readonly string[]): boolean {
  const v = normalPhone(verified);
  return v !== '' && onFile.some((p) => normalPhone(p) === v);
}

/** A number as a counselor may see it in a mismatch report: 139****0101. */
export function maskedMiddle(p: string): string {
  const n = normalPhone(p);
  return n.length === 11 ? `${n.slice(0, 3)}****${n.slice(7)}` : '****';
}
