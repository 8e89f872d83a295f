import { Policy } from '../../../types/policy';
import lzutLife from '../../../config/policies/lzut-life.json';
import gxuEe from '../../../config/policies/gxu-ee.json';
import bistuMe from '../../../config/policies/bistu-me.json';

/** The shipped presets (config/policies/README.md), validated when first loaded: a broken file fails loudly. */
export const presets: Readonly<Record<string, Policy>> = {
  'lzut-life': Policy.parse(lzutLife),
  'gxu-ee': Policy.parse(gxuEe),
  'bistu-me': Policy.parse(bistuMe),
};

export const presetNames = Object.keys(presets);

export function presetPolicy(name: string): Policy | null {
  return presets[name] ?? null;
}
