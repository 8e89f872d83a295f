import { cloudMain } from '../platform/runtime/cloud-main';
import { reportsFunction } from './function';

export const main = cloudMain(reportsFunction);
