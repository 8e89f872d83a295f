/**
 * A column of small whole numbers (≥ −1: table indexes, −1 for none) as one printable ASCII
 * string: a width digit, then each value + 1 in that many base-93 characters (printable ASCII
 * but `"` and `\`, so JSON keeps them as they are). A digest's dozen index columns parse as a
 * dozen strings instead of a million array elements, and are read straight into typed arrays.
 */

const ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((c) => c !== '"' && c !== '\\')
  .join('');
const BASE = ALPHABET.length;
/** The value of each character code (−1: not a digit). */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE; i += 1) DIGIT[ALPHABET.charCodeAt(i)] = i;
const MAX_WIDTH = 4;

export function encodeInts(values: readonly number[]): string {
  let max = 0;
  for (const v of values) {
    if (!Number.isInteger(v) || v < -1) throw new Error(`${v} is not a whole number ≥ −1`);
    max = Math.max(max, v + 1);
  }
  let width = 1;
  while (BASE ** width <= max) width += 1;
  if (width > MAX_WIDTH) throw new Error(`${max - 1} is too large for a column`);
  const out: string[] = [String(width)];
  for (const v of values) {
    let rest = v + 1;
    const digits: string[] = [];
    for (let j = 0; j < width; j += 1) {
      digits.push(ALPHABET.charAt(rest % BASE));
      rest = Math.floor(rest / BASE);
    }
    out.push(digits.reverse().join(''));
  }
  return out.join('');
}

/** The values of an encoded column, or null for a text that is not one. */
export function decodeInts(text: string): Int32Array | null {
  const width = text.charCodeAt(0) - 0x30;
  if (!(width >= 1 && width <= MAX_WIDTH) || (text.length - 1) % width !== 0) return null;
  const out = new Int32Array((text.length - 1) / width);
  let p = 1;
  for (let i = 0; i < out.length; i += 1) {
    let value = 0;
    for (let j = 0; j < width; j += 1, p += 1) {
      const digit = DIGIT[text.charCodeAt(p)] ?? -1;
      if (digit < 0) return null;
      value = value * BASE + digit;
    }
    out[i] = value - 1;
  }
  return out;
}
