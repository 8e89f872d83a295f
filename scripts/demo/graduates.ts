import type { GraduateCourse, GraduateProfile } from '../../types/assistant';

/**
 * Graduate students of the demo college who may apply to be academic assistants (rules: 000-1):
 * fixed, not drawn from the demo's random stream, so adding them changes nothing else. One has
 * a retaken course and one is a part-time counselor, so the college's check refuses them.
 */
const clean = (entryYear: number): GraduateCourse[] => [
  { courseName: '高级生物化学', semester: `${entryYear}-${entryYear + 1}-1`, score: '88', attempt: 'regular' },
  { courseName: '现代仪器分析', semester: `${entryYear}-${entryYear + 1}-1`, score: '良好', attempt: 'regular' },
  { courseName: '学术英语', semester: `${entryYear}-${entryYear + 1}-2`, score: '91', attempt: 'regular' },
];

export type DemoGraduate = { userId: string; name: string; profile: GraduateProfile };

export function demoGraduates(collegeId: string, entryYear: number): DemoGraduate[] {
  const base = { collegeId, fullTime: true, enrolled: true, partTimeCounselor: false, entryYear } as const;
  return [
    {
      userId: 'g-lin',
      name: '林雨桐',
      profile: {
        ...base,
        graduateId: `${entryYear}201001`,
        degree: 'master',
        major: '生物工程',
        record: clean(entryYear),
      },
    },
    {
      userId: 'g-zhou',
      name: '周子航',
      profile: {
        ...base,
        graduateId: `${entryYear}201002`,
        degree: 'master',
        major: '食品科学与工程',
        record: clean(entryYear),
      },
    },
    {
      userId: 'g-chen',
      name: '陈思远',
      profile: {
        ...base,
        graduateId: `${entryYear}201003`,
        degree: 'master',
        major: '生物工程',
        record: [
          ...clean(entryYear),
          { courseName: '分子生物学进展', semester: `${entryYear}-${entryYear + 1}-2`, score: '72', attempt: 'retake' },
        ],
      },
    },
    {
      userId: 'g-zhao',
      name: '赵一鸣',
      profile: {
        ...base,
        graduateId: `${entryYear - 1}202001`,
        degree: 'doctor',
        major: '生物化学与分子生物学',
        entryYear: entryYear - 1,
        record: clean(entryYear - 1),
      },
    },
    {
      userId: 'g-sun',
      name: '孙可欣',
      profile: {
        ...base,
        graduateId: `${entryYear}201005`,
        degree: 'master',
        major: '食品科学与工程',
        partTimeCounselor: true,
        record: clean(entryYear),
      },
    },
  ];
}
