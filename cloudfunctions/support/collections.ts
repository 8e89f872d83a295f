/** Where casework records live (indexes in platform/store/collections.ts). */
export const TALKS = 'talks';
export const DIFFICULTIES = 'difficulties';
export const STUDY_PLANS = 'studyPlans';
export const PAIRINGS = 'pairings';
export const MEETINGS = 'meetings';
