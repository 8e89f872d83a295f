import dutiesJson from '../../../config/duties/default.json';
import calendarJson from '../../../config/calendar.json';
import { parseCalendar, parseDutyConfig } from './load';

/** The shipped duty table (SPEC.md) and school calendar, validated when first imported. */
export const defaultDutyConfig = parseDutyConfig(dutiesJson);
export const defaultCalendar = parseCalendar(calendarJson);
