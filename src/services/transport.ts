import type { Envelope } from '../../types/envelope';

/** How a call reaches a cloud function: WeChat cloud in the mini-program, HTTP to the local server in H5. */
export type Transport = (fn: string, event: { action: string; input: unknown }) => Promise<Envelope<unknown>>;

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

export function asEnvelope(value: unknown): Envelope<unknown> {
  return isEnvelope(value) ? value : { ok: false, code: 'TRANSPORT.BAD_RESPONSE', message: '服务返回了无法识别的结果' };
}
