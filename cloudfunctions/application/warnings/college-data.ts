import type { ClassInfo, Student } from '../../../types/domain';
import type { GradeRow } from '../../../types/grade';
import { queryAll, type Store, type Stored } from '../../platform/store/store';

export async function collegeClasses(store: Store, collegeId: string): Promise<Stored<ClassInfo>[]> {
  return queryAll(store, 'classes', { where: { collegeId }, orderBy: [{ field: '_id', direction: 'asc' }] });
}

export async function collegeStudents(store: Store, collegeId: string): Promise<Stored<Student>[]> {
  return queryAll(store, 'students', { where: { collegeId }, orderBy: [{ field: '_id', direction: 'asc' }] });
}

/**
 * The college's grades up to the semester, class by class: each class is a few pages over the
 * classId index, where one query over the whole college would page through a growing skip.
 */
export async function collegeGrades(store: Store, classIds: string[], semester: string): Promise<GradeRow[]> {
  const out: GradeRow[] = [];
  for (const classId of classIds) {
    const page = await queryAll(store, 'grades', {
      where: { classId, semester: { lte: semester } },
      orderBy: [{ field: '_id', direction: 'asc' }],
    });
    for (const g of page) out.push(g);
  }
  return out;
}

export async function studentGrades(store: Store, studentId: string): Promise<GradeRow[]> {
  return queryAll(store, 'grades', { where: { studentId }, orderBy: [{ field: '_id', direction: 'asc' }] });
}
