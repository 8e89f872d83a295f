import { cloudMain } from '../platform/runtime/cloud-main';
import { identityFunction } from './function';

export const main = cloudMain(identityFunction);
