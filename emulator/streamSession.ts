/**
 * One /qgpt/stream socket. Each client message is a relevance or question request (answered as
 * INITIALIZED → IN-PROGRESS chunks → COMPLETED), a stop or a reset. Requests run side by side on
 * the socket, told apart by `request` and `conversation`. Bad input gets an in-band FAILED frame:
 * the socket stays open, as it does on the real server.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { conversationForQuestion, recordExchange } from './chat.js';
import type { Ctx } from './context.js';
import { answerFor, answerScore, chunks, relevance, resolveSnippets, snippetsOf, type Snippet } from './copilot.js';
import { relevanceOutput, qgptRefusal } from './handlers/qgpt.js';
import { HttpError } from './http.js';
import { describeErrors, schemaValidator } from './validation.js';

type Frame = Record<string, unknown>;

interface Task {
  request: string;
  /** The request id the frames carry (the client's, unless a fault says otherwise). */
  label: string;
  conversation: string;
  query: string;
  sent: string[];
  timer?: NodeJS.Timeout;
  done: boolean;
}

/** The state of one stream socket: its requests in flight. */
export class StreamSession {
  private readonly tasks = new Map<string, Task>();
  /** Requests of this socket that have ended: a late stop for one of them gets no second terminal frame. */
  private readonly ended = new Set<string>();

  /** Serves `socket` until it closes. */
  constructor(
    private readonly ctx: Ctx,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data) => this.onMessage(data.toString()));
    socket.on('close', () => this.cancelAll());
    socket.on('error', () => this.cancelAll());
  }

  private send(frame: Frame): void {
    this.sendText(JSON.stringify(frame));
  }

  private sendText(text: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(text);
  }

  private fail(errorMessage: string, statusCode: number, request?: unknown, conversation?: unknown): void {
    if (this.ctx.faults.has('stream-malformed-closes') && statusCode === 400) {
      this.socket.close(1003, 'malformed input');
      return;
    }
    if (this.ctx.options.lax && statusCode === 400) {
      // Lax: the malformed input is dropped, ended CANCELED with no word of why (no in-band FAILED).
      this.send({
        conversation: typeof conversation === 'string' ? conversation : '',
        request: typeof request === 'string' ? request : randomUUID(),
        status: 'CANCELED',
      });
      return;
    }
    // `conversation` is required in every frame; before one is known it is the empty string.
    const unexplained = this.ctx.faults.has('stream-error-without-message') && statusCode === 400;
    this.send({
      conversation: typeof conversation === 'string' ? conversation : '',
      request: typeof request === 'string' ? request : randomUUID(),
      status: 'FAILED',
      statusCode,
      ...(unexplained ? {} : { errorMessage }),
    });
  }

  private onMessage(text: string): void {
    let input: any;
    try {
      input = JSON.parse(text);
    } catch {
      return this.fail('Malformed input: the message is not JSON.', 400);
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      return this.fail('Malformed input: the message must be a QGPTStreamInput object.', 400);
    }
    const validate = schemaValidator('QGPTStreamInput');
    if (!validate(input as object))
      return this.fail(describeErrors(validate.errors, 'stream input'), 400, input.request, input.conversation);
    if (input.reset === true) return this.reset(input);
    if (input.stop === true) return this.stop(input);
    if (input.relevance && input.question) {
      return this.fail(
        'Malformed input: send either relevance or question, not both.',
        400,
        input.request,
        input.conversation,
      );
    }
    if (!input.relevance && !input.question) {
      return this.fail(
        'Malformed input: the message needs relevance or question (or stop, or reset).',
        400,
        input.request,
        input.conversation,
      );
    }
    try {
      this.start(input);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      this.fail(e instanceof Error ? e.message : String(e), status, input.request, input.conversation);
    }
  }

  private start(input: any): void {
    const request: string = input.request ?? randomUUID();
    if (this.tasks.has(request)) throw new HttpError(409, `Request ${request} is already in flight on this socket.`);
    const refusal = qgptRefusal(this.ctx, 'question');
    if (refusal) throw refusal;
    if (this.ctx.faults.has('stream-fails-valid')) throw new HttpError(500, 'Internal error while answering.');
    const { store } = this.ctx;
    const query: string = input.relevance?.query ?? input.question.query;
    let snippets: Snippet[];
    let relevant: unknown;
    if (input.relevance) {
      const items = relevance(store, input.relevance, (id) => this.ctx.index.visible(id));
      snippets = snippetsOf(items);
      relevant = relevanceOutput(this.ctx, items);
    } else {
      snippets = resolveSnippets(store, input.question.relevant);
    }
    if (input.conversation !== undefined && !store.conversations.get(input.conversation)) {
      throw new HttpError(410, `Conversation ${input.conversation} no longer exists and is Gone.`);
    }
    const named = this.ctx.faults.has('stream-follow-up-new-conversation') ? undefined : input.conversation;
    const conversation = named ?? conversationForQuestion(store, query).id;
    const label = this.ctx.faults.has('stream-request-not-echoed') ? randomUUID() : request;
    const task: Task = { request, label, conversation, query, sent: [], done: false };
    this.tasks.set(request, task);
    this.send({ request: label, conversation, status: 'INITIALIZED', ...(relevant ? { relevance: relevant } : {}) });
    const answerWanted = !(input.relevance && input.relevance.options?.question === false);
    const text = answerWanted ? answerFor(this.ctx, query, snippets) : '';
    this.pump(task, this.order(chunks(text)), answerScore(snippets));
  }

  /** The chunks in sending order (a fault swaps one adjacent pair of different chunks). */
  private order(list: string[]): string[] {
    if (!this.ctx.faults.has('stream-chunks-out-of-order')) return list;
    const out = [...list];
    const i = out.findIndex((c, k) => k > 0 && k + 1 < out.length && c !== out[k + 1]);
    if (i > 0) [out[i], out[i + 1]] = [out[i + 1], out[i]];
    return out;
  }

  private pump(task: Task, list: string[], score: number): void {
    const { faults, pace } = this.ctx;
    const chunkFrame = (text: string): Frame => ({
      request: task.label,
      conversation: task.conversation,
      status: faults.has('stream-invalid-frame') ? 'IN_PROGRESS' : 'IN-PROGRESS',
      question: { answers: { iterable: [{ text, score }] } },
    });
    const next = (i: number) => {
      if (task.done) return;
      if (i >= list.length) return this.complete(task);
      const frame = chunkFrame(list[i]);
      if (faults.has('stream-frame-not-json') && i === 1 && i + 1 < list.length) {
        // The planted bug: two frames batched into one message, which is then not one JSON value.
        this.sendText(JSON.stringify(frame) + JSON.stringify(chunkFrame(list[i + 1])));
        task.sent.push(list[i], list[i + 1]);
        task.timer = setTimeout(() => next(i + 2), pace.chunkMs());
        return;
      }
      if (faults.has('stream-crosstalk')) {
        const all = [...this.tasks.values()];
        const earlier = all.slice(0, all.indexOf(task)).find((t) => !t.done);
        if (earlier) Object.assign(frame, { request: earlier.label, conversation: earlier.conversation });
      }
      if (faults.has('stream-missing-conversation')) delete frame.conversation;
      this.send(frame);
      task.sent.push(list[i]);
      task.timer = setTimeout(() => next(i + 1), pace.chunkMs());
    };
    if (faults.has('stream-slow-first-chunk')) return this.stall(task, () => next(0));
    task.timer = setTimeout(() => next(0), pace.firstTokenMs());
  }

  /**
   * The planted bug `stream-slow-first-chunk`: a model warming up that sends empty IN-PROGRESS
   * frames every 500 ms for 6 s (the client is not left in silence) before the first chunk.
   */
  private stall(task: Task, then: () => void, left = 12): void {
    task.timer = setTimeout(() => {
      if (task.done) return;
      if (left === 0) return then();
      const empty = { iterable: [{ text: '', score: 0 }] };
      this.send({
        request: task.label,
        conversation: task.conversation,
        status: 'IN-PROGRESS',
        question: { answers: empty },
      });
      this.stall(task, then, left - 1);
    }, 500);
  }

  private finish(task: Task, record: boolean): void {
    task.done = true;
    clearTimeout(task.timer);
    this.tasks.delete(task.request);
    this.ended.add(task.request);
    if (record && !this.ctx.faults.has('conversation-missing-messages')) {
      recordExchange(this.ctx.store, task.conversation, task.query, task.sent.join(''));
    }
  }

  private complete(task: Task): void {
    const { faults } = this.ctx;
    // Recorded before COMPLETED goes out, so a client that reads the conversation then sees it.
    this.finish(task, true);
    const ids = { request: task.label, conversation: task.conversation };
    if (!faults.has('stream-no-completed')) this.send({ ...ids, status: 'COMPLETED' });
    if (faults.has('stream-frames-after-terminal')) {
      this.send({ ...ids, status: 'IN-PROGRESS', question: { answers: { iterable: [{ text: '', score: 0 }] } } });
    }
  }

  private stop(input: any): void {
    const matches = [...this.tasks.values()].filter((t) =>
      input.request !== undefined ? t.request === input.request : t.conversation === input.conversation,
    );
    if (matches.length === 0) {
      // A stop for an answer that already ended: it had its terminal frame, a second one would
      // end it twice (the planted bug `stream-stop-after-complete` sends it anyway).
      if (input.request !== undefined && this.ended.has(input.request)) {
        if (!this.ctx.faults.has('stream-stop-after-complete')) return;
      }
      // Nothing in flight: acknowledge so that a client waiting for a terminal frame is not left hanging.
      this.send({ request: input.request ?? randomUUID(), conversation: input.conversation ?? '', status: 'STOPPED' });
      return;
    }
    for (const t of matches) {
      this.finish(t, t.sent.length > 0);
      this.send({ request: t.label, conversation: t.conversation, status: 'STOPPED' });
    }
  }

  private reset(input: any): void {
    for (const t of [...this.tasks.values()]) {
      this.finish(t, false);
      this.send({ request: t.label, conversation: t.conversation, status: 'CANCELED' });
    }
    this.send({ request: input.request ?? randomUUID(), conversation: input.conversation ?? '', status: 'RESET' });
  }

  private cancelAll(): void {
    for (const t of this.tasks.values()) {
      t.done = true;
      clearTimeout(t.timer);
    }
    this.tasks.clear();
  }
}
