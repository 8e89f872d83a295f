import { cloudMain } from '../platform/runtime/cloud-main';
import { policiesFunction } from './function';

export const main = cloudMain(policiesFunction);
