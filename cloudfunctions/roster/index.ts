import { cloudMain } from '../platform/runtime/cloud-main';
import { rosterFunction } from './function';

export const main = cloudMain(rosterFunction);
