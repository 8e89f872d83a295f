import { demoPeople, openHarness, type Harness } from '../../support/harness';
import { makeWarning, publishWarning } from '../../support/notices-factories';
import type { User } from '../../../types/domain';

/** Issue 9 §6: the notice printed ids ("经t-counselor-2024补充列入：attendance") and spoke to the student on the parent copy. */
describe('the issued notice speaks in names and to the right person', () => {
  let h: Harness;
  let people: ReturnType<typeof demoPeople>;
  beforeAll(async () => {
    h = await openHarness();
    people = demoPeople(h.demo);
  });
  afterAll(() => h.close());

  const user = (id: string): User => {
    const u = h.demo.users.find((x) => x._id === id);
    if (!u) throw new Error(`no user ${id}`);
    return u;
  };

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
      expect(text).toContain(`经辅导员${user(people.counselorUser).name}补充列入：考勤（本学期旷课 12 节）`);
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
    const counselor = user(people.counselorUser);
    const head = user(people.headTeacherUser);
    expect(parent).toContain(`辅导员：${counselor.name}　电话 ${counselor.phone}`);
    expect(parent).toContain(`班主任：${head.name}　电话 ${head.phone}`);
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
