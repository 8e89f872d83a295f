import { STAFF_PREFIX, STUDENT_USER_PREFIX } from '../../../types/roster';

/** Ids of what the roster import writes, from the college's own keys (class name, 工号, 学号). */
export const classIdOf = (collegeId: string, name: string) => `cls-${collegeId}-${name}`;
export const dormIdOf = (collegeId: string, building: string, room: string) => `dorm-${collegeId}-${building}-${room}`;
export const staffUserId = (staffNo: string) => `${STAFF_PREFIX}${staffNo}`;
export const studentUserId = (studentId: string) => `${STUDENT_USER_PREFIX}${studentId}`;
export const sectionIdOf = (collegeId: string, semester: string, courseCode: string, teacherId: string) =>
  `sec-${collegeId}-${semester}-${courseCode}-${teacherId}`;
