/** A bank account as most people may see it: the last four digits only. */
export function maskAccount(last4: string): string {
  return `**** ${last4}`;
}

export function lastFour(account: string): string {
  return account.slice(-4);
}
