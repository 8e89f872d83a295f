/** The demo college's programme: which courses each cohort takes in which semester. */
export type CourseSpec = {
  code: string;
  name: string;
  credits: number;
  difficulty: number;
  scale: 'score' | 'words' | 'passFail';
  dept: string;
  teacher: string;
};

export const COLLEGE = { _id: 'life', name: '生命科学与工程学院' };
export const DEPARTMENTS = [
  { id: 'bioeng', name: '生物工程系' },
  { id: 'food', name: '食品科学与工程系' },
  { id: 'basic', name: '公共基础课部' },
];

const c = (
  code: string,
  name: string,
  credits: number,
  difficulty: number,
  dept: string,
  teacher: string,
  scale: CourseSpec['scale'] = 'score',
): CourseSpec => ({
  code,
  name,
  credits,
  difficulty,
  scale,
  dept,
  teacher,
});

/**
 * The programme by term of study: 1 = first-year autumn, 2 = first-year spring, … The demo's
 * cohorts are in their second and third year (timeline.ts), so its two finished semesters are
 * terms 1–4 (an autumn today) or 2–5 (a spring today).
 */
export const PROGRAMME: Record<number, CourseSpec[]> = {
  1: [
    c('MA1011', '高等数学A（上）', 5, 9, 'basic', '孙立群'),
    c('EN1011', '大学英语Ⅰ', 3, 0, 'basic', '刘晓燕'),
    c('CH1021', '普通化学', 3.5, 4, 'bioeng', '马建华'),
    c('PO1001', '思想道德与法治', 3, -6, 'basic', '何志刚'),
    c('PE1011', '大学体育Ⅰ', 1, -8, 'basic', '赵强', 'words'),
    c('PO1005', '形势与政策Ⅰ', 0.5, -10, 'basic', '郑海涛', 'passFail'),
    c('CS1001', '程序设计基础', 3, 5, 'bioeng', '周文斌'),
  ],
  2: [
    c('MA1012', '高等数学A（下）', 5, 10, 'basic', '孙立群'),
    c('EN1012', '大学英语Ⅱ', 3, 1, 'basic', '刘晓燕'),
    c('CH1031', '有机化学', 3.5, 7, 'bioeng', '马建华'),
    c('PH1011', '大学物理', 4, 6, 'basic', '高明'),
    c('PE1012', '大学体育Ⅱ', 1, -8, 'basic', '赵强', 'words'),
    c('BI1001', '普通生物学', 3, 0, 'bioeng', '林静'),
    c('PO1002', '中国近现代史纲要', 3, -5, 'basic', '何志刚'),
  ],
  3: [
    c('BI2011', '生物化学', 4, 7, 'bioeng', '林静'),
    c('BI2021', '微生物学', 3.5, 4, 'food', '唐雪梅'),
    c('MA2031', '概率论与数理统计', 3, 8, 'basic', '孙立群'),
    c('EN2011', '大学英语Ⅲ', 2, 0, 'basic', '刘晓燕'),
    c('CH2041', '物理化学', 3, 8, 'bioeng', '马建华'),
    c('PO2003', '马克思主义基本原理', 3, -5, 'basic', '何志刚'),
    c('PE2011', '大学体育Ⅲ', 1, -8, 'basic', '赵强', 'words'),
  ],
  4: [
    c('BI2031', '分子生物学', 3.5, 6, 'bioeng', '林静'),
    c('CE2011', '化工原理', 4, 8, 'food', '曹卫东'),
    c('BI2041', '细胞生物学', 3, 3, 'bioeng', '唐雪梅'),
    c('EN2012', '大学英语Ⅳ', 2, 0, 'basic', '刘晓燕'),
    c('BI2051', '生物统计', 2.5, 5, 'food', '许文'),
    c('PO2004', '毛泽东思想和中国特色社会主义理论体系概论', 3, -5, 'basic', '何志刚'),
    c('PE2012', '大学体育Ⅳ', 1, -8, 'basic', '赵强', 'words'),
  ],
  5: [
    c('BI3011', '基因工程', 3.5, 7, 'bioeng', '林静'),
    c('BI3021', '发酵工程', 3, 6, 'bioeng', '唐雪梅'),
    c('FS3011', '食品化学', 3, 5, 'food', '许文'),
    c('CH3011', '仪器分析', 2.5, 6, 'bioeng', '马建华'),
    c('BI3031', '生物分离工程', 3, 7, 'food', '曹卫东'),
    c('PO3001', '习近平新时代中国特色社会主义思想概论', 3, -5, 'basic', '何志刚'),
    c('CA3001', '大学生职业发展与就业指导', 1, -8, 'basic', '郑海涛', 'passFail'),
  ],
};

/** Term of study of a cohort in a semester: the 2024 intake is in term 3 during 2025-2026-1. */
export function termOfStudy(cohort: number, semesterId: string): number {
  return (Number(semesterId.slice(0, 4)) - cohort) * 2 + (semesterId.endsWith('-2') ? 2 : 1);
}

export function coursesOf(cohort: number, semesterId: string): CourseSpec[] {
  return PROGRAMME[termOfStudy(cohort, semesterId)] ?? [];
}
