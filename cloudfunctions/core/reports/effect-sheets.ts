import { outcomeLabel, type ConversionRow, type EffectReport, type StaffRow } from '../../../types/api/reports';

export type Sheet = { name: string; columns: string[]; rows: string[][]; widths?: Record<string, number> };

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const yes = (b: boolean) => (b ? '是' : '否');

const conversionColumns = ['名称', '警示人数', '解除', '降级', '保持', '升级', '离校', '转化率'];
const figures = (r: ConversionRow) => [
  String(r.warned),
  String(r.lifted),
  String(r.deescalated),
  String(r.kept),
  String(r.escalated),
  String(r.left),
  percent(r.rate),
];
const conversionRows = (rows: readonly ConversionRow[]) => rows.map((r) => [r.name, ...figures(r)]);
const staffRows = (rows: readonly StaffRow[]) =>
  rows.map((r) => [
    r.name,
    r.role,
    String(r.warnedBefore),
    String(r.warnedAfter),
    String(r.reduction),
    String(r.lifted),
    percent(r.rate),
  ]);

/** The report as the sheets of its xlsx: students, each grouping, the trend, staff figures. */
export function effectSheets(report: EffectReport): Sheet[] {
  return [
    {
      name: '学生明细',
      columns: [
        '学号',
        '姓名',
        '班级',
        '原等级',
        '现等级',
        '结果',
        '学习计划',
        '计划课程：重修/通过',
        '谈话',
        '会谈',
        '结对帮扶',
        '家长联系',
      ],
      widths: { '计划课程：重修/通过': 48 },
      rows: report.students.map((s) => [
        s.studentId,
        s.studentName,
        s.className,
        s.levelBefore,
        s.levelAfter ?? '无',
        outcomeLabel[s.outcome],
        s.planStatus === null ? '未制定' : s.planStatus === 'approved' ? '已通过' : '未通过审核',
        s.lines
          .map((l) => `${l.courseName}${l.planned ? '' : '（无计划）'}：重修${yes(l.retaken)}，通过${yes(l.passed)}`)
          .join('；'),
        String(s.support.talks),
        String(s.support.meetings),
        String(s.support.pairing),
        String(s.support.parentContacts),
      ]),
    },
    { name: '按班级', columns: conversionColumns, rows: conversionRows(report.byClass) },
    { name: '按辅导员', columns: conversionColumns, rows: conversionRows(report.byCounselor) },
    { name: '按班主任', columns: conversionColumns, rows: conversionRows(report.byHeadTeacher) },
    { name: '按系', columns: conversionColumns, rows: conversionRows([...report.byDepartment, report.college]) },
    {
      name: '学期对比',
      columns: ['学期', ...conversionColumns.slice(1)],
      rows: report.trend.map((t) => [t.semester, ...figures(t)]),
    },
    {
      name: '人员绩效',
      columns: ['姓名', '角色', '本学期警示', '下学期警示', '减少', '解除', '转化率'],
      rows: staffRows(report.staff),
    },
  ];
}
