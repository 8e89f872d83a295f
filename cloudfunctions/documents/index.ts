import { cloudMain } from '../platform/runtime/cloud-main';
import { documentsFunction } from './function';

export const main = cloudMain(documentsFunction);
