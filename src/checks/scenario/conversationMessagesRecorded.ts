/** A check that a conversation holds the messages that were put into it, in order. */
import { defineCheck } from '../define.js';

/** One message as compared: its role and text. */
export interface MessageFacts {
  role?: string;
  text?: string;
}

/** The messages the test put in (or caused), and the ones `operation` listed afterwards. */
export interface ConversationMessagesFacts {
  operation: string;
  conversation: string;
  expected: MessageFacts[];
  recorded: MessageFacts[];
}

export default defineCheck({
  name: 'conversation_messages_recorded',
  title: 'Conversation messages not recorded',
  kind: 'scenario',
  severity: 'high',
  basis: 'upstream',
  why: "Upstream documents a conversation's messages listing (/conversation/{conversation}/messages) holding the messages put into it.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1conversation~1{conversation}~1messages/get',
  ],
  description:
    'A check that every expected message (role, and text when given) is listed in the conversation, in order.',
  run: (f: ConversationMessagesFacts, _ctx, fail) => {
    let from = 0;
    for (const want of f.expected) {
      const at = f.recorded.findIndex(
        (m, i) =>
          i >= from && (!want.role || m.role === want.role) && (want.text === undefined || m.text === want.text),
      );
      if (at < 0) {
        const text = want.text === undefined ? '' : ` ${JSON.stringify(want.text.slice(0, 40))}`;
        return [
          fail(
            f.operation,
            `conversation ${f.conversation} lacks ${want.role ?? 'a'} message${text} (${f.recorded.length} recorded: ${f.recorded.map((m) => m.role).join(', ') || 'none'})`,
          ),
        ];
      }
      from = at + 1;
    }
    return [];
  },
});
