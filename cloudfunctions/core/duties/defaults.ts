import dutiesJson from '../../../config/duties/default.json';
import { presets } from '../rules/presets';
import { levelDutyRules } from './level-rules';
import { parseDutyConfig } from './load';

const table = parseDutyConfig(dutiesJson);

/**
 * The shipped duty table (config/duties/README.md), validated when first imported, plus the one-off duties of the
 * shipped policies' levels (core/duties/level-rules.ts), so every view counts them from one
 * evaluator. The school calendar is not here: it is the clerk's data over a default rule.
 */
export const defaultDutyConfig = parseDutyConfig({
  ...table,
  rules: [...table.rules, ...levelDutyRules(Object.values(presets), table.rules)],
});
