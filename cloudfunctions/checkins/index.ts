import { cloudMain } from '../platform/runtime/cloud-main';
import { checkinsFunction } from './function';

export const main = cloudMain(checkinsFunction);
