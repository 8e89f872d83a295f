import {
  checkDormOfClass,
  checkStudentsOfClass,
  checkTalkerRole,
  checkTeachingPlace,
  clientIdReused,
} from '../../../cloudfunctions/core/checkins/checkin-rules';
import { defaultPlaces } from '../../../cloudfunctions/core/checkins/places';
import { DomainError } from '../../../cloudfunctions/core/errors';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? `${error.code}:${error.field ?? ''}` : 'other';
  }
};

describe('check-in rules (core)', () => {
  it('students of the class pass; a stranger is named and refused on the students field', () => {
    expect(codeOf(() => checkStudentsOfClass(['s1', 's2'], new Set(['s1', 's2', 's3'])))).toBeNull();
    expect(codeOf(() => checkStudentsOfClass(['s1', 'x9'], new Set(['s1'])))).toBe('CHECKIN.NOT_IN_CLASS:students');
  });
  it('a class check is in a teaching building, not a dorm or nowhere', () => {
    const teaching = defaultPlaces.places.find((p) => p.kind === 'teaching');
    const other = defaultPlaces.places.find((p) => p.kind !== 'teaching');
    if (!teaching || !other) throw new Error('the shipped places have both kinds');
    expect(checkTeachingPlace(teaching)).toBe(teaching);
    expect(codeOf(() => checkTeachingPlace(other))).toBe('CHECKIN.PLACE_UNKNOWN:placeId');
    expect(codeOf(() => checkTeachingPlace(undefined))).toBe('CHECKIN.PLACE_UNKNOWN:placeId');
  });
  it("a dorm check is of the class's dorm", () => {
    const dorm = { _id: 'd1', classIds: ['k1', 'k2'] };
    expect(checkDormOfClass(dorm, 'k2')).toBe(dorm);
    expect(codeOf(() => checkDormOfClass(dorm, 'k3'))).toBe('CHECKIN.DORM_NOT_OF_CLASS:dormId');
    expect(codeOf(() => checkDormOfClass(null, 'k1'))).toBe('CHECKIN.DORM_NOT_OF_CLASS:dormId');
  });
  it('a quick talk needs a talker role; a reused client id is its own error', () => {
    expect(checkTalkerRole('counselor')).toBe('counselor');
    expect(codeOf(() => checkTalkerRole(null))).toBe('TALK.TALKER_ROLE:talkerRole');
    expect(clientIdReused()).toMatchObject({ code: 'CHECKIN.CLIENT_ID_REUSED', field: 'clientId' });
  });
});
