/** The Conversation and ConversationMessage shapes of the contract, rendered from stored records. */
import { SCHEMA, stamp } from './common.js';

/** What the store keeps for one conversation (its messages are kept apart). */
export interface ConversationRecord {
  id: string;
  name?: string;
  type: string;
  created: string;
  updated: string;
  favorited?: boolean;
  application?: Record<string, unknown>;
  model?: { id: string };
  /** Set on conversations a streamed question started (never rendered). */
  startedBy?: 'stream';
}

/** What the store keeps for one message. */
export interface MessageRecord {
  id: string;
  conversation: string;
  role: 'USER' | 'SYSTEM' | 'ASSISTANT';
  created: string;
  updated: string;
  /** A FragmentFormat; the text is at fragment.string.raw. */
  fragment?: { string?: Record<string, unknown>; metadata?: Record<string, unknown> };
  sentiment?: string;
}

function liteFragment(f: NonNullable<MessageRecord['fragment']>) {
  return { ...(f.string ? { string: {} } : {}), ...(f.metadata ? { metadata: f.metadata } : {}) };
}

/** The ConversationMessage of a record. */
function renderMessage(m: MessageRecord, transferables: boolean) {
  return {
    schema: SCHEMA,
    id: m.id,
    created: stamp(m.created),
    updated: stamp(m.updated),
    conversation: { id: m.conversation },
    role: m.role,
    ...(m.fragment ? { fragment: transferables ? m.fragment : liteFragment(m.fragment) } : {}),
    ...(m.sentiment ? { sentiment: m.sentiment } : {}),
  };
}

/** The ConversationMessages list, with `indices` mapping each id to its position. */
export function renderMessages(ms: MessageRecord[], transferables: boolean) {
  return {
    schema: SCHEMA,
    iterable: ms.map((m) => renderMessage(m, transferables)),
    indices: Object.fromEntries(ms.map((m, i) => [m.id, i])),
  };
}

/** The Conversation of a record with its messages as references. */
export function renderConversation(c: ConversationRecord, ms: MessageRecord[], transferables: boolean) {
  return {
    schema: SCHEMA,
    id: c.id,
    ...(c.name !== undefined ? { name: c.name } : {}),
    type: c.type,
    created: stamp(c.created),
    updated: stamp(c.updated),
    messages: {
      iterable: ms.map((m) => ({ id: m.id, reference: renderMessage(m, transferables) })),
      indices: Object.fromEntries(ms.map((m, i) => [m.id, i])),
    },
    ...(c.favorited !== undefined ? { favorited: c.favorited } : {}),
    ...(c.application ? { application: c.application } : {}),
    ...(c.model ? { model: c.model } : {}),
  };
}
