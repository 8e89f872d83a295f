import { queryAll, queryIn, type Store } from '../../platform/store/store';

/** Every student record of a college, those who left (enrolled: false) included. */
export async function collegeStudents(store: Store, collegeId: string) {
  return queryAll(store, 'students', { where: { collegeId } });
}

/** The enrolled students of these classes (a student who left is no one's to teach). */
export async function enrolledStudentsOf(store: Store, classIds: Iterable<string>) {
  return (await queryIn(store, 'students', 'classId', classIds)).filter((s) => s.enrolled !== false);
}

/** One class's students in 学号 order. */
export async function classStudents(store: Store, classId: string) {
  return queryAll(store, 'students', { where: { classId }, orderBy: [{ field: '_id', direction: 'asc' }] });
}
