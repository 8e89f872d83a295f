import { cloudMain } from '../platform/runtime/cloud-main';
import { teachingFunction } from './function';

export const main = cloudMain(teachingFunction);
