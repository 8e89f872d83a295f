import dutiesJson from '../../../config/duties/default.json';
import { parseDutyConfig } from './load';

/**
 * The shipped duty table (SPEC.md), validated when first imported. The school calendar is not
 * here: it is the clerk's data over a default rule, read through core/calendar.
 */
export const defaultDutyConfig = parseDutyConfig(dutiesJson);
