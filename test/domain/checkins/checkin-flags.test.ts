import { expect } from '@jest/globals';
import fc from 'fast-check';
import { distanceMeters } from '../../../cloudfunctions/core/checkins/geo';
import { locationFlags } from '../../../cloudfunctions/core/checkins/location-flags';
import { defaultPlaces, parsePlaces, placeOfBuilding } from '../../../cloudfunctions/core/checkins/places';
import { recordTime, SYNC_GRACE_MS } from '../../../cloudfunctions/core/checkins/record-time';
import { absencesWithoutLeave } from '../../../cloudfunctions/core/checkins/dorm-absences';
import { recordIdFor } from '../../../cloudfunctions/core/checkins/record-id';
import type { Place } from '../../../types/place';
import placesJson from '../../../config/places.json';

const limits = { maxClockSkewSeconds: 300, maxAccuracyMeters: 100, maxOfflineHours: 72 };
const dorm: Place = {
  id: 'west-dorm-5',
  name: '西区5号楼',
  kind: 'dorm',
  latitude: 36.05108,
  longitude: 103.85342,
  radiusMeters: 80,
};
const MIN = 60_000;

describe('distance', () => {
  it.each([
    ['same point', { latitude: 36.05, longitude: 103.85 }, { latitude: 36.05, longitude: 103.85 }, 0, 0.001],
    [
      '0.001° of latitude ≈ 111 m',
      { latitude: 36.05, longitude: 103.85 },
      { latitude: 36.051, longitude: 103.85 },
      111.2,
      0.2,
    ],
    [
      '0.001° of longitude at 36°N ≈ 90 m',
      { latitude: 36.05, longitude: 103.85 },
      { latitude: 36.05, longitude: 103.851 },
      89.9,
      0.3,
    ],
    [
      'Lanzhou to Beijing ≈ 1,180 km',
      { latitude: 36.06, longitude: 103.83 },
      { latitude: 39.9, longitude: 116.4 },
      1_182_000,
      8000,
    ],
  ])('%s', (_label, a, b, expected, tolerance) => {
    expect(Math.abs(distanceMeters(a, b) - expected)).toBeLessThanOrEqual(tolerance);
  });

  it('is symmetric and never negative', () => {
    const point = fc.record({
      latitude: fc.double({ min: -89, max: 89, noNaN: true }),
      longitude: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = distanceMeters(a, b);
        return d >= 0 && Math.abs(d - distanceMeters(b, a)) < 1e-6;
      }),
    );
  });
});

describe('location flags', () => {
  const north = (m: number, accuracy?: number) => ({
    latitude: dorm.latitude + m / 111_195,
    longitude: dorm.longitude,
    ...(accuracy === undefined ? {} : { accuracy }),
  });
  it.each([
    ['at the door', north(0, 10), [], 0],
    ['79 m away (inside 80 m)', north(79, 10), [], 79],
    ['81 m away (outside 80 m)', north(81, 10), ['outsideRadius'], 81],
    ['1 km away with a coarse fix', north(1000, 800), ['poorAccuracy', 'outsideRadius'], 1000],
    ['inside, accuracy exactly the limit', north(30, 100), [], 30],
    ['inside, accuracy just over the limit', north(30, 101), ['poorAccuracy'], 30],
  ])('%s', (_label, fix, flags, distance) => {
    const result = locationFlags(fix, dorm, limits);
    expect(result.flags).toEqual(flags);
    expect(result.distanceMeters).toBe(distance);
  });

  it('no fix at a place is flagged; no place to compare is not', () => {
    expect(locationFlags(undefined, dorm, limits)).toEqual({ distanceMeters: null, flags: ['noLocation'] });
    expect(locationFlags(undefined, null, limits)).toEqual({ distanceMeters: null, flags: [] });
    expect(locationFlags(north(5000), null, limits)).toEqual({ distanceMeters: null, flags: [] });
  });
});

describe('record time', () => {
  const server = Date.parse('2026-11-23T22:00:00+08:00');
  it.each([
    ['clocks agree, sent at once', 0, 0, server, []],
    ['phone 5 min fast (at the limit)', 5 * MIN, 0, server, []],
    ['phone 5 min 1 s fast', 5 * MIN + 1000, 0, server, ['clockSkew']],
    ['phone 6 min slow', -6 * MIN, 0, server, ['clockSkew']],
    ['sent 10 min after the tap (weak signal): not late', 0, 10 * MIN, server - 10 * MIN, []],
    [
      'sent 10 min 1 s after the tap: late, dated when made',
      0,
      10 * MIN + 1000,
      server - 10 * MIN - 1000,
      ['delayedSync'],
    ],
    [
      'queued 9 hours, clock right: dated when made and flagged late',
      0,
      9 * 60 * MIN,
      server - 9 * 60 * MIN,
      ['delayedSync'],
    ],
    [
      'queued 2 hours on a phone a day behind: the offset cancels',
      -24 * 60 * MIN,
      2 * 60 * MIN,
      server - 2 * 60 * MIN,
      ['clockSkew', 'delayedSync'],
    ],
    [
      'backdated 71 h (device time set back before the tap): flagged',
      0,
      71 * 60 * MIN,
      server - 71 * 60 * MIN,
      ['delayedSync'],
    ],
    ['queued 4 days: capped at 72 h and flagged', 0, 96 * 60 * MIN, server - 72 * 60 * MIN, ['delayedSync']],
  ])('%s', (_label, offset, queued, at, flags) => {
    const sentAt = server + offset;
    expect(recordTime({ receivedAt: server, sentAt, deviceAt: sentAt - queued, limits })).toEqual({ at, flags });
  });

  it('a tap after the send (impossible) is flagged and dated at receipt', () => {
    expect(recordTime({ receivedAt: server, sentAt: server, deviceAt: server + MIN, limits })).toEqual({
      at: server,
      flags: ['delayedSync'],
    });
  });

  it('a record dated more than the grace before receipt is always flagged; within it, never (clock agreeing)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (queued) => {
        const { at, flags } = recordTime({ receivedAt: server, sentAt: server, deviceAt: server - queued, limits });
        return flags.includes('delayedSync') === (queued < 0 || server - at > SYNC_GRACE_MS);
      }),
    );
  });

  it('never dates a record in the future or before the offline limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (offset, queued) => {
        const { at } = recordTime({
          receivedAt: server,
          sentAt: server + offset,
          deviceAt: server + offset - queued,
          limits,
        });
        return at <= server && at >= server - 72 * 3_600_000;
      }),
    );
  });
});

describe('dorm absences', () => {
  it('returns the absent without leave; leave is not an absence', () => {
    expect(
      absencesWithoutLeave(
        ['a', 'b', 'c'],
        [
          { studentId: 'a', status: 'present' },
          { studentId: 'b', status: 'absent' },
          { studentId: 'c', status: 'onLeave' },
        ],
      ),
    ).toEqual(['b']);
  });
  it.each([
    ['a stranger', [{ studentId: 'x', status: 'present' as const }], 'CHECKIN.NOT_RESIDENT'],
    [
      'a resident twice',
      [
        { studentId: 'a', status: 'present' as const },
        { studentId: 'a', status: 'absent' as const },
      ],
      'CHECKIN.RESIDENT_TWICE',
    ],
    ['a resident missing', [{ studentId: 'a', status: 'present' as const }], 'CHECKIN.RESIDENT_MISSING'],
  ])('rejects %s', (_label, reported, code) => {
    expect(() => absencesWithoutLeave(['a', 'b'], reported)).toThrow(
      expect.objectContaining({ code, field: 'residents' }),
    );
  });
});

describe('places configuration', () => {
  it('ships the demo dorm buildings and two teaching buildings', () => {
    expect(placeOfBuilding(defaultPlaces, '西区3号楼')?.kind).toBe('dorm');
    expect(placeOfBuilding(defaultPlaces, '西区5号楼')?.kind).toBe('dorm');
    expect(
      defaultPlaces.places
        .filter((p) => p.kind === 'teaching')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['博学楼', '明德楼'].sort());
  });
  it.each([
    [
      'a duplicate id',
      (c: typeof placesJson) => ({ ...c, places: [...c.places, { ...c.places[0], name: '新楼' }] }),
      'places.4.id',
    ],
    [
      'a radius of 5 m',
      (c: typeof placesJson) => ({ ...c, places: [{ ...c.places[0], radiusMeters: 5 }] }),
      'places.0.radiusMeters',
    ],
    ['WGS-84 coordinates', (c: typeof placesJson) => ({ ...c, coordinateSystem: 'wgs84' }), 'coordinateSystem'],
  ])('rejects %s with the path', (_label, change, path) => {
    expect(() => parsePlaces(change(placesJson))).toThrow(
      expect.objectContaining({ code: 'PLACES.CONFIG_INVALID', field: path }),
    );
  });
});

describe('record ids', () => {
  it('are the same for the same person and clientId (any case), different across people', () => {
    const id = 'A1B2C3D4-0000-4000-8000-000000000001';
    expect(recordIdFor('t-assistant-1', id)).toBe(recordIdFor('t-assistant-1', id.toLowerCase()));
    expect(recordIdFor('t-assistant-1', id)).not.toBe(recordIdFor('t-assistant-2', id));
  });
});
