import type { CheckinOptions, CheckinsApi } from '../../types/api/checkins';
import { roleLabel, type Actor } from '../../types/domain';
import type { DutyRecordKind } from '../../types/duty';
import { classIdsFor } from '../core/access/authorize';
import { defaultPlaces, placeOfBuilding } from '../core/checkins/places';
import { defaultDutyConfig } from '../core/duties/defaults';
import { classesByIds, dormLabel } from '../platform/directory/directory';
import { queryAll } from '../platform/store/store';
import type { ActionSpec } from '../platform/runtime/define-function';

type Api = CheckinsApi;

/**
 * The record kinds the caller's duties count, from the duty table (talks and parent contacts for
 * every class role: casework is everyone's), and the shortest talk one of their duties counts.
 */
function recordKindsFor(actor: Actor): Pick<CheckinOptions, 'recordKinds' | 'talkMinMinutes'> {
  const roles = new Set(actor.grants.map((g) => g.role));
  const rules = defaultDutyConfig.rules.filter((r) => roles.has(r.role));
  const kinds = new Set<DutyRecordKind>(rules.flatMap((r) => r.counts.kinds));
  kinds.add('talk');
  if (roles.has('counselor') || roles.has('headTeacher')) kinds.add('parentContact');
  kinds.delete('studyPlan');
  const minutes = rules.flatMap((r) =>
    r.counts.kinds.includes('talk') && r.counts.minMinutes !== undefined ? [r.counts.minMinutes] : [],
  );
  return { recordKinds: [...kinds].sort(), talkMinMinutes: minutes.length > 0 ? Math.max(...minutes) : null };
}

/** What the check-in forms offer the caller: their classes, dorms, places and the record kinds their duties count. */
export const options: ActionSpec<Api['options']> = {
  permission: 'checkin.write',
  resource: 'list',
  async run(ctx): Promise<CheckinOptions> {
    const classes = await classesByIds(ctx.store, classIdsFor(ctx.actor, 'checkin.write'));
    const ids = new Set(classes.map((c) => c._id));
    const colleges = [...new Set(classes.map((c) => c.collegeId))];
    const dorms =
      colleges.length === 0 ? [] : await queryAll(ctx.store, 'dorms', { where: { collegeId: { in: colleges } } });
    return {
      classes: classes.map((c) => ({
        classId: c._id,
        name: c.name,
        roles: ctx.actor.grants
          .filter((g) => 'classIds' in g && g.classIds.includes(c._id))
          .map((g) => roleLabel[g.role]),
      })),
      dorms: dorms
        .filter((d) => d.classIds.some((id) => ids.has(id)))
        .sort((a, b) => a._id.localeCompare(b._id))
        .map((d) => ({
          dormId: d._id,
          label: dormLabel(d),
          classIds: d.classIds.filter((id) => ids.has(id)),
          placeId: placeOfBuilding(defaultPlaces, d.building)?.id ?? null,
        })),
      places: defaultPlaces.places,
      ...recordKindsFor(ctx.actor),
    };
  },
};
