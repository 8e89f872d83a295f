/** Whose duties: a whole college (leader, clerk), one department of it, or a list of classes. */
export type DutyDataScope = { collegeId: string; departmentId?: string } | { classIds: readonly string[] };
