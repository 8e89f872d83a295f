import { assistantsApi } from './assistants';
import { campusApi } from './campus';
import { rosterApi } from './roster';
import { policiesApi } from './policies';
import { teachingApi } from './teaching';
import { documentsApi } from './documents';
import { checkinsApi } from './checkins';
import { dutiesApi } from './duties';
import { gradesApi } from './grades';
import { identityApi } from './identity';
import { noticesApi } from './notices';
import { supportApi } from './support';
import { warningsApi } from './warnings';
import { reportsApi } from './reports';

/** Every cloud function's contract, by deployed function name. */
export const api = {
  checkins: checkinsApi,
  duties: dutiesApi,
  identity: identityApi,
  campus: campusApi,
  grades: gradesApi,
  warnings: warningsApi,
  notices: noticesApi,
  roster: rosterApi,
  policies: policiesApi,
  teaching: teachingApi,
  support: supportApi,
  documents: documentsApi,
  assistants: assistantsApi,
  reports: reportsApi,
};
export type Api = typeof api;
export type FunctionName = keyof Api;
