import { cloudMain } from '../platform/runtime/cloud-main';
import { assistantsFunction } from './function';

export const main = cloudMain(assistantsFunction);
