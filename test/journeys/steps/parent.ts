import type { Student } from '../../../types/domain';
import type { Person } from '../../support/journey';

/**
 * The proof a parent types next to the code, as the bind screen asks for it: the phone's last 4
 * digits (the first H5 form) or the child's 学号 and the parent's name (after issue 9 item 7).
 * `wrong` gives a proof that does not match the college's record.
 */
export async function typeProof(parent: Person, student: Student, wrong = false): Promise<void> {
  if (await parent.shows('手机号后 4 位')) {
    const last4 = student.parentPhone.slice(-4);
    await parent.type(
      parent.field('手机号后 4 位'),
      wrong ? (last4 === '0000' ? '1111' : '0000') : last4,
      '手机号后 4 位',
    );
    return;
  }
  await parent.type(parent.field('学号'), student._id, '孩子学号');
  await parent.type(parent.field('姓名'), wrong ? `${student.parentName}甲` : student.parentName, '家长姓名');
}

/** The code field, the proof, 绑定: one try. */
export async function tryBinding(parent: Person, code: string, student: Student, wrongProof = false): Promise<void> {
  await parent.type(parent.field('绑定码'), code, '绑定码');
  await typeProof(parent, student, wrongProof);
  await parent.tap(parent.page.locator('#bind-submit'), '绑定');
}
