import type { MessageKind } from '../../../types/message';
import type { MessagesConfig } from '../../../types/messages-config';
import { messagesConfig, templateOf } from '../../core/messages/config';

export type EnvVars = Record<string, string | undefined>;

/** The WeChat template id of a message kind, from the environment variable config/messages.json names. */
export function templateIdFor(
  kind: MessageKind,
  env: EnvVars = process.env,
  config: MessagesConfig = messagesConfig,
): string | null {
  const template = templateOf(kind, config);
  const value = template ? env[template.templateIdEnv] : undefined;
  return value && value.trim() !== '' ? value.trim() : null;
}

/** Template ids the app should ask consent for (requestSubscribeMessage), skipping unconfigured ones. */
export function subscribeIds(kinds: MessageKind[], env: EnvVars = process.env): string[] {
  return [...new Set(kinds.flatMap((kind) => templateIdFor(kind, env) ?? []))].slice(0, 5);
}
