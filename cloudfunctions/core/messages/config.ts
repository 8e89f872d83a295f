import raw from '../../../config/messages.json';
import { MessagesConfig, type MessageTemplate } from '../../../types/messages-config';
import type { MessageKind } from '../../../types/message';

/** Message templates and sending policy, validated once: a bad config fails at load, not mid-send. */
export const messagesConfig: MessagesConfig = MessagesConfig.parse(raw);

export function templateOf(kind: MessageKind, config: MessagesConfig = messagesConfig): MessageTemplate | null {
  return config.templates[kind] ?? null;
}
