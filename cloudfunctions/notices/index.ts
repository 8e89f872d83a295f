import { cloudMain } from '../platform/runtime/cloud-main';
import { noticesFunction } from './function';

export const main = cloudMain(noticesFunction);
