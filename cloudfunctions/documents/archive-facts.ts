import type { Pairing } from '../../types/support';
export { classNames, collegeName, studentNames } from './facts';

/** A pairing without its sealed account (the archive prints the masked one). */
export function subjectless(p: Pairing): Omit<Pairing, 'bankAccountSealed' | 'bankAccountLast4'> {
  const { bankAccountSealed: _sealed, bankAccountLast4: _last4, ...rest } = p;
  return rest;
}
