import { renderNotice } from '../../../cloudfunctions/core/notices/render';
import { NOT_DISCIPLINARY, templateFor } from '../../../cloudfunctions/core/notices/templates';
import { makeWarning } from '../../support/notices-factories';

const student = { _id: '202401010101', name: '李明', classId: 'c2024-bioeng-1', collegeId: 'life' };
const names = { collegeName: '生命科学与工程学院', className: '生物工程2024-1班', parentName: '李建国家长' };

describe('学业警示通知单 in three copies', () => {
  const warning = makeWarning(student);
  const copies = renderNotice(warning, names, templateFor(warning.policyId, warning.level));

  it.each(['college', 'student', 'parent'] as const)(
    'the %s copy names college, semester, level, the explanation, next steps and "not a disciplinary record"',
    (kind) => {
      const text = copies[kind].paragraphs.join('\n');
      expect(text).toContain('生命科学与工程学院');
      expect(text).toContain('2025-2026-1');
      expect(text).toContain('书面警示');
      expect(text).toContain('补考后仍不及格 2 门：高等数学A（上）（MA1011，5 学分）');
      // Each copy in its own voice (issue 9): to the parent about their child, to the student, the college's record.
      expect(text).toContain(
        {
          parent: '学院将与您沟通孩子的学习情况',
          student: '学院将与家长沟通你的学习情况',
          college: '学院将与家长沟通学生的学习情况',
        }[kind],
      );
      if (kind !== 'student') expect(text).not.toMatch(/与你|你的/);
      expect(text).toContain(NOT_DISCIPLINARY);
    },
  );

  it('titles follow the seed annexes', () => {
    expect([copies.college.title, copies.student.title, copies.parent.title]).toEqual([
      '学业警示通知单（学院存根）',
      '学业警示通知单（学生联）',
      '学业警示通知单（家长联）',
    ]);
  });

  it('addresses the parent by the name on file and asks for the receipt', () => {
    expect(copies.parent.paragraphs[0]).toBe('尊敬的李建国家长：');
    expect(copies.parent.paragraphs.join('')).toContain('家长回执');
  });

  it.each([
    ['lzut-life', 'oral', '班主任和辅导员将分别与你谈话，进行教育'],
    ['lzut-life', 'warning', '辅导员将在 1 周内与家长联系'],
    ['gxu-ee', 'warning', '辅导员将电话联系家长'],
    ['gxu-ee', 'probation', '班主任将电话联系家长，必要时请家长到校面谈'],
    ['bistu-me', 'struggling', '学院将跟踪检查执行情况'],
    ['another-college', 'unknown', '在老师指导下制定个人学习计划'],
  ])('%s/%s says what happens next', (policyId, level, step) => {
    const w = makeWarning(student, { policyId, level });
    expect(renderNotice(w, names, templateFor(policyId, level)).student.paragraphs.join('\n')).toContain(step);
  });

  it('is deterministic: the same warning renders the same text', () => {
    expect(renderNotice(warning, names, templateFor('lzut-life', 'written'))).toEqual(copies);
  });

  it('a correction states its reason and carries the corrected explanation only', () => {
    const corrected = renderNotice(warning, names, templateFor('lzut-life', 'written'), {
      reason: '大学物理补考成绩录入有误',
      explanation: ['补考后仍不及格 1 门：高等数学A（上）'],
    });
    const text = corrected.student.paragraphs.join('\n');
    expect(text).toContain('更正说明：本通知更正此前发出的通知，原因：大学物理补考成绩录入有误');
    expect(text).toContain('1. 补考后仍不及格 1 门：高等数学A（上）');
    expect(text).not.toContain('PH1001');
  });

  it('a manual addition shows who added the student and why', () => {
    const manual = makeWarning(student, {
      triggers: [],
      manual: { reason: 'attitude', note: '多次旷课', by: 't-head-c2024-bioeng-1' },
    });
    const text = renderNotice(
      manual,
      { ...names, manualByName: '班主任王老师' },
      templateFor('gxu-ee', 'warning'),
    ).college.paragraphs.join('');
    expect(text).toContain('经班主任王老师补充列入：学习态度（多次旷课）');
    expect(text).not.toContain('t-head');
    // Without a known name the copy still prints no id.
    expect(renderNotice(manual, names, templateFor('gxu-ee', 'warning')).college.paragraphs.join('')).toContain(
      '经学院补充列入：学习态度（多次旷课）',
    );
  });
});
