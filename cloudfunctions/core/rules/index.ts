/** The rules engine's public surface, for handlers, the CLI and the benchmark. */
export { evaluatePolicy } from './evaluate';
export { EvaluationRun, type Evaluation, type EvaluateOptions } from './evaluation-run';
export { type StudentResult, type LevelSource } from './student-result';
export { type Change, classifyChange } from './change';
export { type CourseResult, type TeacherResult } from './course-tally';
export { type FiredTrigger } from './trigger';
export { type ManualMark, checkManualEntry } from './manual-entry';
export { dutiesForLevel } from './level-duties';
export { parseScore, createScoreReader, gradePointOf } from './score';
export { latestSemester } from './semester';
export { presets, presetNames, presetPolicy } from './presets';
