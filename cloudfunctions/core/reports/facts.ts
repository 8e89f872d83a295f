/** What the report computations read: plain facts the function loads from the store. */
export type ClassFact = {
  classId: string;
  name: string;
  departmentId: string;
  departmentName: string;
  counselorId: string;
  headTeacherId: string;
  cohort: number;
};

export type WarningFact = {
  warningId: string;
  studentId: string;
  studentName: string;
  classId: string;
  semester: string;
  level: string;
  levelName: string;
  levelRank: number;
  status: 'active' | 'superseded' | 'lifted' | 'withdrawn';
  publishedAt: string;
  failedCourses: { code: string; name: string }[];
};

export type PlanFact = { warningId: string; status: string; lines: { courseCode: string; courseName: string }[] };

/** A grade row already read against the policy's pass mark. */
export type GradeFact = { studentId: string; courseCode: string; semester: string; outcome: 'pass' | 'fail' | 'none' };

export type SupportKind = 'talk' | 'meeting' | 'pairing' | 'parentContact';
export type SupportFact = { studentId: string; kind: SupportKind; at: string };
