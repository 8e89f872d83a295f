import { identityApi } from '../../types/api/identity';
import { childIdsOf, ownStudentIds } from '../core/access/own-grants';
import { defineFunction } from '../platform/runtime/define-function';
import { studentProfiles } from '../platform/directory/directory';

/** Who am I: the caller's roles and, for students and parents, whose records they hold. */
export const identityFunction = defineFunction('identity', identityApi, {
  me: {
    permission: 'profile.read',
    async run(ctx) {
      const { actor } = ctx;
      const own = ownStudentIds(actor.grants);
      const children = childIdsOf(actor.grants);
      const [student] = await studentProfiles(ctx.store, own);
      return {
        userId: actor.userId,
        name: actor.name,
        roles: [...new Set(actor.grants.map((g) => g.role))],
        grants: actor.grants,
        ...(student ? { student } : {}),
        children: await studentProfiles(ctx.store, [...new Set(children)]),
      };
    },
  },
});
