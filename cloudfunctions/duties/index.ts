import { cloudMain } from '../platform/runtime/cloud-main';
import { dutiesFunction } from './function';

export const main = cloudMain(dutiesFunction);
