/** The rules engine's public surface, for handlers, the CLI and the benchmark. */
export { evaluatePolicy, type Evaluation, type EvaluateOptions, type StudentResult, type LevelSource } from './evaluate';
export { type Change, classifyChange } from './change';
export { type CourseResult, type TeacherResult } from './course-tally';
export { type FiredTrigger } from './trigger';
export { type ManualMark, checkManualEntry } from './manual-entry';
export { dutiesForLevel } from './level-duties';
export { parseScore, createScoreReader, gradePointOf } from './score';
export { latestSemester } from './semester';
export { presets, presetNames, presetPolicy } from './presets';
