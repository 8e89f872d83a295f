import { campusApi } from './campus';
import { identityApi } from './identity';

/** Every cloud function's contract, by deployed function name. */
export const api = {
  identity: identityApi,
  campus: campusApi,
};
export type Api = typeof api;
export type FunctionName = keyof Api;
