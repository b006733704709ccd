/** A check that an application session opens, closes once, and refuses a second close. */
import { defineCheck } from '../define.js';
import type { Exchange } from '../../core/types.js';

/** One step of a session's life and what it answered. */
export type SessionFacts =
  | { operation: 'openApplicationSession'; step: 'open'; session: { id?: string; closed?: unknown } }
  | { operation: 'closeApplicationSession'; step: 'close'; id: string; session: { id?: string; closed?: unknown } }
  | { operation: 'closeApplicationSession'; step: 'close-again'; id: string; exchange: Exchange };

export default defineCheck({
  name: 'session_lifecycle',
  title: 'Session lifecycle violated',
  kind: 'scenario',
  severity: 'high',
  basis: 'upstream',
  why: 'Upstream documents /applications/session/open and /close answering a Session whose optional `closed` timestamp marks a closed one.',
  evidence: ['spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/Session'],
  description:
    'A check that an opened session is open, a closed session carries `closed`, and closing it again is refused with 409.',
  run: (f: SessionFacts, _ctx, fail) => {
    if (f.step === 'open') {
      return f.session.closed !== undefined ? [fail(f.operation, `new session ${f.session.id} is already closed`)] : [];
    }
    if (f.step === 'close') {
      const out = [];
      if (f.session.id !== f.id) out.push(fail(f.operation, `closing ${f.id} answered session ${f.session.id}`));
      if (f.session.closed === undefined)
        out.push(fail(f.operation, `closed session ${f.id} has no \`closed\` timestamp`));
      return out;
    }
    const status = f.exchange.response?.status;
    return status === 409
      ? []
      : [
          fail(
            f.operation,
            `Received: ${status ?? 'no response'} for closing ${f.id} a second time / Expected: 409`,
            f.exchange.id,
            'session-close-twice-409',
          ),
        ];
  },
});
