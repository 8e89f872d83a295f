import type { CaseAudience, CaseView, PairingView, TalkView } from '../../../types/api/support';
import type { TalkRecord } from '../../../types/support';
import type { PairingSummary } from './case-timeline';

/** A talk for its reader: the talker's first impression only for those allowed the notes. */
export function talkForReader(talk: TalkRecord, canReadNotes: boolean): TalkView {
  const { firstImpression, ...rest } = talk;
  return canReadNotes ? { ...rest, firstImpression } : rest;
}

/**
 * A peer pairing as a student in it (helper or helpee) may see it: who, where it stands and the
 * plan. Never the difficulty type or reasons (the helper would learn the helpees'), the approvers'
 * opinions, or any bank detail.
 */
export function pairingSummary(p: PairingView): PairingSummary {
  return { _id: p._id, at: p.at, helperName: p.helperName, helpeeNames: p.helpeeNames, status: p.status, plan: p.plan };
}

/**
 * The case as each audience may see it. Staff: everything their permissions allow (notes were
 * already dropped for those without `talk.readNotes`). The student: their own record without
 * counselors' notes, duty lines or the reasoning behind the difficulty type, and no pairing
 * forms (those reach the student only as `pairingSummary` entries in the timeline). A parent: only
 * what is addressed to them (meetings they are invited to) and the warning itself.
 */
export function redactCase(view: CaseView, audience: CaseAudience, viewerId: string): CaseView {
  if (audience === 'staff') return { ...view, audience };
  const base = { ...view, audience, duties: [], dutiesNote: null };
  if (audience === 'student') {
    return {
      ...base,
      talks: view.talks.map(({ firstImpression: _notes, ...t }) => t),
      difficulty: view.difficulty
        ? {
            type: view.difficulty.type,
            label: view.difficulty.label,
            at: view.difficulty.at,
            byName: view.difficulty.byName,
          }
        : null,
      pairings: [],
      meetings: view.meetings.filter((m) => m.inviteeIds.includes(viewerId)),
    };
  }
  return {
    ...base,
    difficulty: null,
    plan: null,
    talks: [],
    pairings: [],
    meetings: view.meetings.filter((m) => m.inviteeIds.includes(viewerId)),
  };
}
