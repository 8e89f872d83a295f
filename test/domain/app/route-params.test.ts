import { z } from 'zod';
import { decodeRouteValue, pageUrl, readRouteParams, routeId } from '../../../src/services/route-params';

describe('route parameters', () => {
  it('decodes what Taro hands over still URL-encoded (a notice id with a colon)', () => {
    // Before the helper, pages passed `notice-w%3A…` to the server, which answered ACCESS.DENIED.
    const raw = { id: 'notice-w%3A2025-2026-1%3As2024001-v1' };
    expect(readRouteParams({ id: routeId }, raw).id).toBe('notice-w:2025-2026-1:s2024001-v1');
  });

  it('round-trips every id through pageUrl', () => {
    const id = 'plan:w:2025-2026-1:s2024001 &=?#';
    const url = pageUrl('/packages/staff/plan-review/index', { planId: id, empty: '', gone: undefined });
    expect(url).toBe(`/packages/staff/plan-review/index?planId=${encodeURIComponent(id)}`);
    const query = Object.fromEntries(
      url
        .split('?')[1]!
        .split('&')
        .map((pair) => pair.split('=') as [string, string]),
    );
    expect(readRouteParams({ planId: routeId }, query).planId).toBe(id);
  });

  it('reads a malformed or invalid parameter as absent', () => {
    expect(decodeRouteValue('%zz')).toBe('%zz');
    const shape = { role: z.enum(['counselor', 'headTeacher']).optional(), id: routeId };
    expect(readRouteParams(shape, { role: 'hacker', id: 'x'.repeat(500) })).toEqual({ role: undefined, id: undefined });
    expect(readRouteParams(shape, { role: 'counselor' })).toEqual({ role: 'counselor', id: undefined });
  });
});
