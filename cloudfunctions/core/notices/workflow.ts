import type { Notice, NoticeFlag, NoticeStatePatch, PhoneContact } from '../../../types/notice';
import { DomainError } from '../errors';

/** The part of a notice its workflow changes; the copies are not in it, so they cannot change. */
export type NoticeState = Pick<
  Notice,
  'status' | 'readAt' | 'ack' | 'objection' | 'parentReadAt' | 'receipt' | 'phoneContacts' | 'flags'
>;

export type NoticeEvent =
  | { type: 'read'; at: string }
  | { type: 'acknowledge'; at: string; deviceId: string }
  | { type: 'object'; at: string; reason: string }
  | {
      type: 'resolveObjection';
      at: string;
      by: string;
      byName: string;
      decision: 'confirm' | 'correct';
      note: string;
      /** A correction after which the warning and this notice stand as they were (a later list still keeps it). */
      noticeStands?: boolean;
    }
  | { type: 'parentRead'; at: string }
  | {
      type: 'receipt';
      at: string;
      parentUserId: string;
      parentName: string;
      message: string;
      deviceId: string;
      quickSeconds: number;
    }
  | { type: 'phoneContact'; contact: PhoneContact };

/** `patch` is empty when the event changes nothing (a repeat): the handler then writes nothing. */
export type Transition = { patch: NoticeStatePatch; changed: boolean };

const unchanged: Transition = { patch: {}, changed: false };
const change = (patch: NoticeStatePatch): Transition => ({ patch, changed: true });

function addFlag(flags: NoticeFlag[], flag: NoticeFlag): NoticeFlag[] {
  return flags.includes(flag) ? flags : [...flags, flag];
}

function seconds(from: string, to: string): number {
  return Math.abs(Date.parse(to) - Date.parse(from)) / 1000;
}

/**
 * The notice workflow as a pure step: (state, event) → patch, or a DomainError with a stable code.
 * Repeats keep the first answer: a second signature does not move the time of the first.
 */
export function transition(state: NoticeState, event: NoticeEvent): Transition {
  const live = state.status === 'issued';
  switch (event.type) {
    case 'read':
      return state.readAt ? unchanged : change({ readAt: event.at });
    case 'parentRead':
      return state.parentReadAt ? unchanged : change({ parentReadAt: event.at });
    case 'acknowledge':
      if (state.ack) return unchanged;
      if (!live) throw new DomainError('NOTICE.SUPERSEDED', '该通知已被更正，请查看新版本');
      if (state.objection?.state === 'open')
        throw new DomainError('NOTICE.OBJECTION_OPEN', '你的异议正在核实中，核实后再签收');
      return change({ ack: { at: event.at, deviceId: event.deviceId }, ...(state.readAt ? {} : { readAt: event.at }) });
    case 'object':
      if (state.ack) throw new DomainError('NOTICE.ALREADY_ACKNOWLEDGED', '你已签收该通知，不能再提出异议');
      if (state.objection?.state === 'open') return unchanged;
      if (!live) throw new DomainError('NOTICE.SUPERSEDED', '该通知已被更正，请查看新版本');
      if (state.objection) throw new DomainError('NOTICE.OBJECTION_RESOLVED', '你的异议已核实答复，请阅读答复后签收');
      return change({
        objection: { reason: event.reason, at: event.at, state: 'open' },
        ...(state.readAt ? {} : { readAt: event.at }),
      });
    case 'resolveObjection': {
      if (!state.objection || state.objection.state !== 'open')
        throw new DomainError('NOTICE.NO_OPEN_OBJECTION', '该通知没有待处理的异议');
      const resolved = {
        ...state.objection,
        resolvedBy: event.by,
        resolvedByName: event.byName,
        resolvedAt: event.at,
        note: event.note,
      };
      if (event.decision === 'confirm') return change({ objection: { ...resolved, state: 'confirmed' } });
      if (event.noticeStands === true) return change({ objection: { ...resolved, state: 'corrected' } });
      return change({ objection: { ...resolved, state: 'corrected' }, status: 'superseded' });
    }
    case 'receipt': {
      if (state.receipt) return unchanged;
      if (!live) throw new DomainError('NOTICE.SUPERSEDED', '该通知已被更正，请查看新版本');
      const quick =
        state.ack !== null &&
        state.ack.deviceId === event.deviceId &&
        seconds(state.ack.at, event.at) <= event.quickSeconds;
      return change({
        receipt: {
          parentUserId: event.parentUserId,
          parentName: event.parentName,
          at: event.at,
          message: event.message,
          deviceId: event.deviceId,
        },
        ...(state.parentReadAt ? {} : { parentReadAt: event.at }),
        ...(quick ? { flags: addFlag(state.flags, 'receiptRightAfterAck') } : {}),
      });
    }
    case 'phoneContact': {
      // A resend of the same record (same person, same client key) keeps the first one.
      const { by, clientId } = event.contact;
      if (clientId !== undefined && state.phoneContacts.some((c) => c.by === by && c.clientId === clientId))
        return unchanged;
      if (!live) throw new DomainError('NOTICE.SUPERSEDED', '该通知已被更正，请在新版本上记录');
      return change({ phoneContacts: [...state.phoneContacts, event.contact] });
    }
  }
}
