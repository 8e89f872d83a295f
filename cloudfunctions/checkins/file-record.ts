import type { CheckinReceipt } from '../../types/api/checkins';
import { type CheckinFlag, type DutyRecordDoc, type FollowUp, type GeoFix } from '../../types/checkin';
import type { Place } from '../../types/place';
import { locationFlags } from '../core/checkins/location-flags';
import { defaultPlaces } from '../core/checkins/places';
import { recordIdFor } from '../core/checkins/record-id';
import { recordTime } from '../core/checkins/record-time';
import { toIso } from '../core/time/shanghai';
import type { Context } from '../platform/runtime/define-function';
import type { Stored } from '../platform/store/store';
import { clientIdReused } from '../core/checkins/checkin-rules';
import { noteDutySource } from '../application/digests/duty-digests';

/** What the phone sends with every record. */
export type Sent = { clientId: string; deviceAt: string; sentAt: string; location?: GeoFix | undefined };

/** A record as a form describes it; the rest (id, times, flags, audit) is the server's. */
export type Draft = Pick<
  DutyRecordDoc,
  | 'kind'
  | 'collegeId'
  | 'classId'
  | 'dormId'
  | 'studentId'
  | 'teacherId'
  | 'minutes'
  | 'topics'
  | 'mode'
  | 'documented'
  | 'details'
> & {
  place: Place | null;
};

/** A resend is the same record; the same client id on another kind of record is a phone bug, not a resend. */
function sameRecord(existing: DutyRecordDoc, draft: Draft): DutyRecordDoc {
  if (existing.kind !== draft.kind) throw clientIdReused();
  return existing;
}

function receipt(doc: DutyRecordDoc, duplicate: boolean): CheckinReceipt {
  const place = doc.placeId ? (defaultPlaces.places.find((p) => p.id === doc.placeId) ?? null) : null;
  return {
    recordId: doc._id,
    kind: doc.kind,
    at: doc.at,
    flags: doc.flags,
    distanceMeters: doc.distanceMeters ?? null,
    placeName: place?.name ?? null,
    duplicate,
    followUps: doc.details.form === 'dormCheck' ? doc.details.residents.filter((r) => r.status === 'absent').length : 0,
  };
}

/** When a record happened (server clock, device clock checked) and where, with the flags they raise. */
export function stampOf(
  ctx: Context,
  sent: Sent,
  place: Place | null,
): { at: string; where: ReturnType<typeof locationFlags>; flags: CheckinFlag[] } {
  const receivedAt = ctx.clock.now().getTime();
  const time = recordTime({
    receivedAt,
    deviceAt: Date.parse(sent.deviceAt),
    sentAt: Date.parse(sent.sentAt),
    limits: defaultPlaces.limits,
  });
  const where = locationFlags(sent.location, place, defaultPlaces.limits);
  return { at: toIso(new Date(time.at)), where, flags: [...where.flags, ...time.flags] };
}

/**
 * Stores one record, idempotently: its id comes from the caller and the phone's clientId, so a
 * resend (offline queue, retry after a lost answer) finds the first and returns it unchanged.
 * Location and clock problems become flags; nothing here rejects a check-in.
 * `followUps` are written in the same transaction (all or nothing).
 */
export async function fileRecord(
  ctx: Context,
  sent: Sent,
  draft: Draft,
  followUps: (recordId: string, at: string) => FollowUp[] = () => [],
): Promise<CheckinReceipt> {
  const recordId = recordIdFor(ctx.actor.userId, sent.clientId);
  const existing = await ctx.store.get('dutyRecords', recordId);
  if (existing) return receipt(sameRecord(existing, draft), true);
  // Quick talks live with the other talks under the same kind of id: one client id, one record.
  if (await ctx.store.get('talks', recordId)) throw clientIdReused();

  const { place, ...fields } = draft;
  const { at, where, flags } = stampOf(ctx, sent, place);
  const doc: DutyRecordDoc = {
    ...fields,
    _id: recordId,
    actorId: ctx.actor.userId,
    at,
    receivedAt: ctx.nowIso(),
    clientId: sent.clientId.toLowerCase(),
    deviceAt: sent.deviceAt,
    sentAt: sent.sentAt,
    ...(place ? { placeId: place.id } : {}),
    ...(sent.location ? { location: sent.location } : {}),
    ...(where.distanceMeters === null ? {} : { distanceMeters: where.distanceMeters }),
    flags,
  };
  return ctx.store.transaction(async (tx) => {
    // A resend racing the first send: the first one in wins, the other reads it.
    const raced = await tx.get('dutyRecords', recordId);
    if (raced) return receipt(sameRecord(raced, draft), true);
    const stored: Stored<DutyRecordDoc> = await tx.add('dutyRecords', doc, ctx.write());
    await noteDutySource(tx, 'dutyRecords', null, stored, ctx.write());
    for (const followUp of followUps(recordId, at))
      if (!(await tx.get('followUps', followUp._id))) await tx.add('followUps', followUp, ctx.write());
    return receipt(stored, false);
  });
}
