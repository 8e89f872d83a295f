/**
 * An id the phone makes for one record before sending it: a resend (lost answer, offline queue,
 * a second tap) carries the same id, so the server stores the record once.
 */
export function newClientId(): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(Math.random() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}
