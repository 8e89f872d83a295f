import type { ClassInfo, Student } from '../../../types/domain';
import type { OutboxRow } from '../../../cloudfunctions/platform/messenger/outbox';
import type { CollegeBuilder } from './college';

const SURNAMES = ['陈', '林', '黄', '刘', '杨', '吴', '徐', '朱', '胡', '郭', '何', '罗', '梁', '宋', '唐'];
const GIVEN = ['子涵', '雨桐', '浩然', '思远', '欣怡', '俊杰', '梓萱', '宇航', '佳怡', '一诺', '明轩', '诗雨', '博文'];

/**
 * `count` more students of `cls` for the message passes, 学号 counting up from `firstId`. With
 * `parents: 'everyOther'` the first, third, fifth … have a bound parent (user `p-<学号>`) and the
 * others none, so a test can state how many receipt reminders it expects.
 */
export function addStudents(
  b: CollegeBuilder,
  cls: ClassInfo,
  count: number,
  options: { firstId: number; parents?: 'everyOther' | 'none' },
): Student[] {
  return Array.from({ length: count }, (_, i) =>
    b.student(cls, {
      id: String(options.firstId + i),
      name: `${SURNAMES[i % SURNAMES.length] ?? '陈'}${GIVEN[i % GIVEN.length] ?? '子涵'}`,
      parent: options.parents === 'everyOther' && i % 2 === 0,
    }),
  );
}

/**
 * A pending outbox row due at `sendAfter`, addressed to nobody in particular: the sending pass
 * tests are about times and claims, not recipients. `claim` makes it held by another sender.
 */
export function outboxRow(id: string, sendAfter: string, claim?: { by: string; until: string }): OutboxRow {
  return {
    _id: id,
    kind: 'warningIssued',
    toUserId: 'u',
    toOpenid: 'o',
    page: 'p',
    data: {},
    status: 'pending',
    attempts: 0,
    sendAfter,
    subjectId: 's',
    ...(claim ? { claimedBy: claim.by, claimedUntil: claim.until } : {}),
  };
}
