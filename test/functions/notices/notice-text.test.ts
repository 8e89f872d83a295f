import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { buildCtx, seedTwoClasses, type TwoClasses } from '../../support/build/two-classes';
import { givePhones } from '../../support/build/warnings';
import { makeWarning, publishWarning } from '../../support/notices-factories';

const AT = '2026-09-01T08:00:00.000+08:00';
// The phones the parent copy must print, next to 周辅导 and 吴班主 of 生工251班.
const COUNSELOR_PHONE = '13800001111';
const HEAD_PHONE = '13800002222';

/** Issue 9 §6: the notice printed ids ("经t-counselor-2024补充列入：attendance") and spoke to the student on the parent copy. */
describe('the issued notice speaks in names and to the right person', () => {
  let h: EmptyHarness;
  let people: TwoClasses;
  beforeAll(async () => {
    h = await openEmptyHarness();
    people = await seedTwoClasses(h.store, AT);
    await givePhones(
      h.store,
      { [people.counselorUser]: COUNSELOR_PHONE, [people.headTeacherUser]: HEAD_PHONE },
      buildCtx(AT),
    );
  });
  afterAll(() => h.close());

  it('a manual addition names the person and the reason in Chinese, never their ids', async () => {
    const warning = makeWarning(people.classmate, {
      policyId: 'gxu-ee',
      level: 'warning',
      levelName: '学业预警',
      triggers: [],
      manual: { reason: 'attendance', note: '本学期旷课 12 节', by: people.counselorUser },
    });
    const { notice } = await publishWarning(h.store, warning);
    for (const copy of Object.values(notice.copies)) {
      const text = copy.paragraphs.join('\n');
      expect(text).toContain('经辅导员周辅导补充列入：考勤（本学期旷课 12 节）');
      expect(text).not.toMatch(/t-counselor|attendance|[a-z]+-[a-z]+-\d/);
    }
  });

  it('the parent copy addresses the parent about their child and names the counselor and head teacher with phones', async () => {
    const { notice } = await publishWarning(
      h.store,
      makeWarning(people.student, { level: 'oral', levelName: '口头警示' }),
    );
    const parent = notice.copies.parent.paragraphs.join('\n');
    expect(parent).toContain('班主任和辅导员将分别与孩子谈话');
    expect(parent).not.toMatch(/与你|你的|你在/);
    expect(parent).toContain(`辅导员：周辅导　电话 ${COUNSELOR_PHONE}`);
    expect(parent).toContain(`班主任：吴班主　电话 ${HEAD_PHONE}`);
  });

  it.each(['college', 'student', 'parent'] as const)(
    'the %s copy states the possible consequences (rules: 004-1.1) and how the warning is lifted',
    async (kind) => {
      const { notice } = await publishWarning(h.store, makeWarning(people.outsider));
      const text = notice.copies[kind].paragraphs.join('\n');
      expect(text).toContain('可能的后果：');
      expect(text).toMatch(/留级（降级）、退学/);
      expect(text).toContain('解除条件：');
      expect(text).toContain('警示期内完成所有应修课程或未通过课程学分累计低于 6 学分，即解除学业警示。');
    },
  );
});
