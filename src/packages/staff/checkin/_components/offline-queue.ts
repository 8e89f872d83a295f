import Taro from '@tarojs/taro';
import { z } from 'zod';
import { checkinsApi, type CheckinReceipt } from '../../../../../types/api/checkins';
import { call } from '../../../../services/api';
import { ApiError } from '../../../../services/transport';
import { keptReason, sendVerdict } from './send-verdict';

/**
 * Check-ins waiting on the phone (Taro storage) until the network lets them through. Each keeps
 * the clientId it was given when tapped, so a send whose answer was lost is resent as the same
 * check-in and the server stores it once.
 */
const KEY = 'checkin-queue:v1';

export const QueuedAction = z.enum([
  'dormCheck',
  'classCheck',
  'lecture',
  'meeting',
  'themedActivity',
  'talk',
  'parentContact',
  'teacherContact',
]);
export type QueuedAction = z.infer<typeof QueuedAction>;

const Queued = z.object({
  clientId: z.string(),
  action: QueuedAction,
  label: z.string(),
  queuedAt: z.string(),
  /** The form as filled in, without sentAt (added at each send). */
  input: z.record(z.unknown()),
  lastError: z.string().optional(),
});
export type Queued = z.infer<typeof Queued>;

/** Storage is the phone's, not ours: read back through a schema, dropping what does not parse. */
export function readQueue(): Queued[] {
  const raw: unknown = Taro.getStorageSync(KEY);
  const list = z.array(z.unknown()).safeParse(raw);
  if (!list.success) return [];
  return list.data.flatMap((item) => {
    const parsed = Queued.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function writeQueue(items: Queued[]): void {
  Taro.setStorageSync(KEY, items);
}

export function enqueueCheckin(item: Queued): void {
  writeQueue([...readQueue().filter((q) => q.clientId !== item.clientId), item]);
}

function removeFromQueue(clientId: string): void {
  writeQueue(readQueue().filter((q) => q.clientId !== clientId));
}

export { newClientId } from '../../../../services/client-id';

/** Device time as ISO with its offset, as the contract wants. */
export function deviceNow(): string {
  const d = new Date();
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** One send of a queued check-in, checked against the contract first (a bad form never leaves). */
async function send(item: Queued): Promise<CheckinReceipt> {
  const input = { ...item.input, clientId: item.clientId, sentAt: deviceNow() };
  const invalid = (error: z.ZodError) =>
    new ApiError('INPUT.INVALID', error.issues[0]?.message ?? '输入不正确', error.issues[0]?.path.join('.'));
  switch (item.action) {
    case 'dormCheck': {
      const p = checkinsApi.dormCheck.input.safeParse(input);
      if (!p.success) throw invalid(p.error);
      return call('checkins', 'dormCheck', p.data);
    }
    case 'classCheck': {
      const p = checkinsApi.classCheck.input.safeParse(input);
      if (!p.success) throw invalid(p.error);
      return call('checkins', 'classCheck', p.data);
    }
    case 'lecture': {
      const p = checkinsApi.lecture.input.safeParse(input);
      if (!p.success) throw invalid(p.error);
      return call('checkins', 'lecture', p.data);
    }
    case 'meeting': {
      const p = checkinsApi.meeting.input.safeParse(input);
      if (!p.success) throw invalid(p.error);
      return call('checkins', 'meeting', p.data);
    }
    case 'themedActivity': {
      const p = checkinsApi.themedActivity.input.safeParse(input);
      if (!p.success) throw invalid(p.error);
      return call('checkins', 'themedActivity', p.data);
    }
    case 'talk': {
      const p = checkinsApi.talk.input.safeParse(input);
      if (!p.success) throw invalid(p.error);
      return call('checkins', 'talk', p.data);
    }
    case 'parentContact': {
      const p = checkinsApi.parentContact.input.safeParse(input);
      if (!p.success) throw invalid(p.error);
      return call('checkins', 'parentContact', p.data);
    }
    case 'teacherContact': {
      const p = checkinsApi.teacherContact.input.safeParse(input);
      if (!p.success) throw invalid(p.error);
      return call('checkins', 'teacherContact', p.data);
    }
  }
}

export type SendOutcome =
  | { kind: 'sent'; receipt: CheckinReceipt }
  | { kind: 'queued'; reason: string }
  | { kind: 'refused'; label: string; message: string; field?: string };

/**
 * Queue first, then try: a refusal of the check-in itself (see send-verdict.ts) is final and
 * leaves the queue; anything else (no network, expired session, server fault) keeps it queued
 * for the next flush.
 */
export async function submitCheckin(item: Queued): Promise<SendOutcome> {
  enqueueCheckin(item);
  return trySend(item);
}

async function trySend(item: Queued): Promise<SendOutcome> {
  try {
    const receipt = await send(item);
    removeFromQueue(item.clientId);
    return { kind: 'sent', receipt };
  } catch (e) {
    const code = e instanceof ApiError ? e.code : null;
    if (e instanceof ApiError && sendVerdict(code) === 'drop') {
      removeFromQueue(item.clientId);
      const refused = { kind: 'refused' as const, label: item.label, message: e.message };
      return e.field === undefined ? refused : { ...refused, field: e.field };
    }
    const reason = keptReason(code, e instanceof Error ? e.message : '');
    enqueueCheckin({ ...item, lastError: reason });
    return { kind: 'queued', reason };
  }
}

/** Resend everything waiting, oldest first; returns what happened to each. */
export async function flushQueue(): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (const item of readQueue()) outcomes.push(await trySend(item));
  return outcomes;
}
