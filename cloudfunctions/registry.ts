import { assistantsFunction } from './assistants/function';
import { campusFunction } from './campus/function';
import { rosterFunction } from './roster/function';
import { policiesFunction } from './policies/function';
import { teachingFunction } from './teaching/function';
import { documentsFunction } from './documents/function';
import { checkinsFunction } from './checkins/function';
import { dutiesFunction } from './duties/function';
import { gradesFunction } from './grades/function';
import { identityFunction } from './identity/function';
import { noticesFunction } from './notices/function';
import { supportFunction } from './support/function';
import { warningsFunction } from './warnings/function';
import { reportsFunction } from './reports/function';
import type { CloudFunction } from './platform/runtime/define-function';

/** Every deployed function, by name: the local server and the tests dispatch through this. */
export const functions: Record<string, CloudFunction> = {
  checkins: checkinsFunction,
  duties: dutiesFunction,
  identity: identityFunction,
  campus: campusFunction,
  grades: gradesFunction,
  warnings: warningsFunction,
  notices: noticesFunction,
  roster: rosterFunction,
  policies: policiesFunction,
  teaching: teachingFunction,
  support: supportFunction,
  documents: documentsFunction,
  assistants: assistantsFunction,
  reports: reportsFunction,
};
