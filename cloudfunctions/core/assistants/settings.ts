import raw from '../../../config/assistants.json';
import { AssistantSettings } from '../../../types/assistant';

/** config/assistants.json, validated once: a bad rate or day count fails at load, not on a sheet. */
export const assistantSettings: AssistantSettings = AssistantSettings.parse(raw);
