import { cloudMain } from '../platform/runtime/cloud-main';
import { gradesFunction } from './function';

export const main = cloudMain(gradesFunction);
