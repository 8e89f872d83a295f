import { cloudMain } from '../platform/runtime/cloud-main';
import { supportFunction } from './function';

export const main = cloudMain(supportFunction);
