import { mapHeader } from '../../../cloudfunctions/core/grades/header-map';
import { createRowChecker } from '../../../cloudfunctions/core/grades/row-checker';
import { nameMismatch, sameName } from '../../../cloudfunctions/core/grades/roster-name';

const map = (() => {
  const result = mapHeader(['学号', '姓名', '课程代码', '课程名称', '学分', '成绩', '考试性质', '学期']);
  if (!result.ok) throw new Error(result.message);
  return result.map;
})();
const roster = new Map([
  ['2021001', '张三'],
  ['2021002', '买买提·艾力'],
]);
/** A fresh checker per row: one checker reports a second row of the same grade as a duplicate. */
const check = (sheetRow: { rowNumber: number; cells: string[] }) =>
  createRowChecker(map, { knownStudent: (id) => roster.has(id), studentNameOf: (id) => roster.get(id) })(sheetRow);
const row = (id: string, name: string) => ({
  rowNumber: 5,
  cells: [id, name, 'C101', '高等数学', '4', '85', '正考', '2025-2026-1'],
});

/** Issue 9 defect 11: a row whose 学号 and 姓名 disagree with the roster is a row error, not a silent import. */
describe('grade rows: 学号 and 姓名 must agree with the roster', () => {
  it.each<[string, string, string, string | null]>([
    ['the roster name', '2021001', '张三', null],
    ['no name in the file', '2021001', '', null],
    ['spaces inside the name', '2021001', '张　三', null],
    ['another dot in a minority name', '2021002', '买买提•艾力', null],
    ["another student's name", '2021001', '李四', '姓名与学号不符：学号 2021001 在学生名册中是“张三”，表中为“李四”'],
    ['a swapped pair', '2021002', '张三', '姓名与学号不符：学号 2021002 在学生名册中是“买买提·艾力”，表中为“张三”'],
  ])('%s', (_name, id, name, message) => {
    const step = check(row(id, name));
    if (message === null) expect(step.kind).toBe('row');
    else expect(step).toEqual({ kind: 'errors', errors: [{ row: 5, column: '姓名', message }] });
  });

  it('reports an unknown 学号 as unknown, not as a name mismatch', () => {
    expect(check(row('2029999', '王五'))).toEqual({
      kind: 'errors',
      errors: [{ row: 5, column: '学号', message: '未知学生：学号 2029999 不在学生名册中' }],
    });
  });

  it('compares names, not spacing or dots', () => {
    expect(sameName(' 张三 ', '张三')).toBe(true);
    expect(sameName('张三', '张山')).toBe(false);
    expect(nameMismatch('1', '张三', undefined)).toBeNull();
  });
});
