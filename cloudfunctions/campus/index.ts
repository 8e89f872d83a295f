import { cloudMain } from '../platform/runtime/cloud-main';
import { campusFunction } from './function';

export const main = cloudMain(campusFunction);
