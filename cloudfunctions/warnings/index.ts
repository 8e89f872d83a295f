import { cloudMain } from '../platform/runtime/cloud-main';
import { warningsFunction } from './function';

export const main = cloudMain(warningsFunction);
