import type { Store } from '../../../cloudfunctions/platform/store/store';
import type { Student } from '../../../types/domain';
import { seedTwoClasses } from './two-classes';

/** When the casework tests' college is written: before the 2026-2027-1 warnings are published. */
export const CASEWORK_BUILT_AT = '2026-09-01T08:00:00.000+08:00';

/**
 * The two-class college (two-classes.ts) with 生工251班 grown to five students, as casework needs
 * (a helper and helpees, a warned student, an unbound parent): 孙一鸣 (parent bound), 钱二妹, 赵三强,
 * 周四平, 吴五岳 — only 孙一鸣's parent is bound. 食品241班 (2024, 大三 in 2026-2027) keeps 李四海.
 * 生工251班 is cohort 2025: 大二 in 2026-2027, so its plans go to the head teacher; 食品241班's to the counselor.
 */
export async function seedCasework(store: Store, at: string = CASEWORK_BUILT_AT) {
  const more: Student[] = [];
  const p = await seedTwoClasses(store, at, (b, c) => {
    more.push(b.student(c.firstClass, { id: '2025311004', name: '周四平' }));
    more.push(b.student(c.firstClass, { id: '2025311005', name: '吴五岳', gender: '女' }));
  });
  const [fourth, fifth] = more;
  if (!fourth || !fifth) throw new Error('casework students were not built');
  return {
    ...p,
    fourth,
    fifth,
    /** 生工251班 in the order built. */
    classStudents: [p.student, p.classmate, p.third, fourth, fifth],
  };
}

export type Casework = Awaited<ReturnType<typeof seedCasework>>;
