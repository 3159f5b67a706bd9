import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '../lib/protocol';

/** The one messenger every part of duban uses (see lib/protocol.ts for the contract). */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
