import { campusFunction } from './campus/function';
import { identityFunction } from './identity/function';
import type { CloudFunction } from './platform/runtime/define-function';

/** Every deployed function, by name: the local server and the tests dispatch through this. */
export const functions: Record<string, CloudFunction> = {
  identity: identityFunction,
  campus: campusFunction,
};
