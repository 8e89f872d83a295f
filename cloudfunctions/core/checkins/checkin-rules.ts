import type { Place } from '../../../types/place';
import { DomainError } from '../errors';

/**
 * What a check-in must refer to, decided before anything is written: students of the class, a
 * teaching building, a dorm of the class; and one client id for one record.
 */

/** Every id must be a student of the class (a late list with a stranger in it is a mistake). */
export function checkStudentsOfClass(ids: readonly string[], classStudentIds: ReadonlySet<string>): void {
  const stranger = ids.find((id) => !classStudentIds.has(id));
  if (stranger) throw new DomainError('CHECKIN.NOT_IN_CLASS', `学生 ${stranger} 不在该班级`, 'students');
}

/** A class check happens in a teaching building. */
export function checkTeachingPlace(place: Place | null | undefined): Place {
  if (!place || place.kind !== 'teaching') throw new DomainError('CHECKIN.PLACE_UNKNOWN', '请选择教学楼', 'placeId');
  return place;
}

/** A dorm check is of a dorm the class lives in. */
export function checkDormOfClass<D extends { classIds: readonly string[] }>(dorm: D | null, classId: string): D {
  if (!dorm || !dorm.classIds.includes(classId))
    throw new DomainError('CHECKIN.DORM_NOT_OF_CLASS', '该寝室不属于所选班级', 'dormId');
  return dorm;
}

/** The same client id on another kind of record is a phone bug, not a resend. */
export function clientIdReused(): DomainError {
  return new DomainError(
    'CHECKIN.CLIENT_ID_REUSED',
    '该签到编号已用于另一类记录，请重新提交（会生成新编号）',
    'clientId',
  );
}

/** A quick talk needs a talker role the caller holds in the student's class. */
export function checkTalkerRole<R>(role: R | null | undefined): R {
  if (role === null || role === undefined)
    throw new DomainError('TALK.TALKER_ROLE', '你在该班没有所选的谈话人身份', 'talkerRole');
  return role;
}
