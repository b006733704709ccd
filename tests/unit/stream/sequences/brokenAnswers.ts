/** Broken qgptStream answers: grammar, conversation, request id, crosstalk and order, schema, in-band errors, budgets. */
import type { StreamSubject } from '../../../../src/stream/index.js';
import { answer, CONV, f, frame, request, subject, T0 } from '../builders.js';

/** [name, subject, the check that must fail, a fragment of its facts] */
export const BROKEN_ANSWERS: Array<[string, StreamSubject, string, string]> = [
  // grammar
  [
    'missing terminal (timeout)',
    subject(request([f.init(1), f.chunk(3, 'a')], { end: { kind: 'timeout', atMs: 1000 } })),
    'stream_grammar',
    'request r-1: no terminal frame within 1000 ms (2 frames, last IN-PROGRESS at +3 ms)',
  ],
  [
    'missing terminal (socket closed)',
    subject(request([f.chunk(3, 'a')], { end: { kind: 'closed', atMs: 8, detail: 'code 1006' } })),
    'stream_grammar',
    'socket closed (code 1006) at +8 ms before a terminal frame',
  ],
  [
    'request sent on a socket the server had closed',
    subject(request([], { end: { kind: 'not-sent', atMs: 0, detail: 'code 1003 malformed input' } })),
    'stream_grammar',
    'request r-1: never answered: the socket had already closed (code 1003 malformed input) when it was sent',
  ],
  [
    'frame after terminal',
    subject(request([...answer, f.chunk(20, 'late')])),
    'stream_grammar',
    'request r-1: frame after terminal COMPLETED (IN-PROGRESS at +20 ms)',
  ],
  [
    'INITIALIZED after a chunk',
    subject(request([f.chunk(1, 'a'), f.init(3), f.end(5)])),
    'stream_grammar',
    'INITIALIZED at +3 ms is frame 2, not the first',
  ],
  [
    'UNKNOWN inside an answer',
    subject(request([f.init(1), frame(2, { request: 'r-1', conversation: CONV, status: 'UNKNOWN' }), f.end(5)])),
    'stream_grammar',
    'frame 2 (UNKNOWN at +2 ms) is outside the grammar',
  ],
  [
    'a stop after the answer completed ends it a second time',
    subject(request([...answer, f.end(30, 'STOPPED')], { stopSentAtMs: 25 })),
    'stream_grammar',
    'request r-1: frame after terminal COMPLETED (STOPPED at +30 ms): the stop sent at +25 ms, after the answer had ended, ended it a second time',
  ],
  [
    'stop ignored',
    subject(
      request([f.chunk(1, 'a'), f.chunk(4, 'b'), f.chunk(5, 'c'), f.chunk(6, 'd'), f.chunk(7, 'e'), f.end(9)], {
        stopSentAtMs: 3,
      }),
    ),
    'stream_grammar',
    'stop sent at +3 ms, but the answer ended COMPLETED at +9 ms after 4 more chunks',
  ],
  // conversation
  [
    'missing conversation',
    subject(request([f.init(1), f.chunk(3, 'a', 'r-1', null), f.end(5)])),
    'stream_conversation_present',
    'request r-1: frame 2 (IN-PROGRESS at +3 ms) has no conversation',
  ],
  [
    'conversation changes mid-answer',
    subject(request([f.init(1), f.chunk(3, 'a', 'r-1', 'c-2'), f.end(5)])),
    'stream_conversation_present',
    'frame 2 (IN-PROGRESS at +3 ms) carries conversation "c-2", not "c-1" of the earlier frames',
  ],
  [
    'not the requested conversation',
    subject(request(answer, { conversation: 'c-9' })),
    'stream_conversation_present',
    'frame 1 (INITIALIZED at +2 ms) carries conversation "c-1", not the requested "c-9" (and 3 more frames like it)',
  ],
  // request id
  [
    'unechoed id (attributed as the only open request)',
    subject(request([f.init(1), { ...f.chunk(3, 'a', 'srv-7'), attributed: 'single-open' }, f.end(5)])),
    'stream_request_echoed',
    'request r-1: frame 2 (IN-PROGRESS at +3 ms) carries request "srv-7" instead of "r-1"',
  ],
  [
    'frame without id while two requests were open',
    subject(
      request(answer),
      [request([f.end(11, 'COMPLETED', 'r-2')], { id: 'r-2' })],
      [frame(4, { conversation: CONV, status: 'IN-PROGRESS' }, 7)],
    ),
    'stream_request_echoed',
    'socket frame #7 (IN-PROGRESS at +4 ms) carries no request id, which no request sent',
  ],
  // crosstalk and order
  [
    "crosstalk: another request's token",
    subject(request([f.chunk(2, 'You asked: '), f.chunk(4, 'TOK002 '), f.end(6)], { token: 'TOK001' }), [
      request([f.end(5, 'COMPLETED', 'r-2')], { id: 'r-2', token: 'TOK002' }),
    ]),
    'stream_no_crosstalk',
    'request r-1: frame 2 (IN-PROGRESS at +4 ms) holds token TOK002 of request r-2',
  ],
  [
    'crosstalk: a frame of another socket',
    subject(
      request(answer),
      [request([f.end(5, 'COMPLETED', 'r-2')], { id: 'r-2', socket: 's2' })],
      [frame(7, { request: 'r-2', conversation: 'c-2', status: 'IN-PROGRESS' }, 4)],
    ),
    'stream_no_crosstalk',
    'socket frame #4 (IN-PROGRESS at +7 ms) belongs to request r-2 of socket s2, but arrived on socket s1',
  ],
  [
    'chunks out of order',
    subject(request([f.chunk(2, 'b '), f.chunk(4, 'a '), f.end(6)], { reference: 'a b ' })),
    'stream_chunk_order',
    'request r-1: chunks out of order: first difference at character 0, frame 1 (IN-PROGRESS at +2 ms)',
  ],
  [
    'answer differs from REST',
    subject(request([f.chunk(2, 'a '), f.end(6)], { reference: 'a b' })),
    'stream_chunk_order',
    'streamed answer differs from the REST answer: first difference at character 2, after the last chunk',
  ],
  // schema
  [
    'invalid frame (status not in the enum)',
    subject(request([f.init(1), frame(3, { request: 'r-1', conversation: CONV, status: 'IN_PROGRESS' }), f.end(5)])),
    'stream_frame_schema',
    'request r-1: frame 2 (IN_PROGRESS at +3 ms) violates QGPTStreamOutput',
  ],
  [
    'frame that is not JSON',
    subject(request([f.init(1), frame(3, '{oops'), f.end(5)])),
    'stream_frame_schema',
    'frame 2 (a frame that is not JSON at +3 ms) is not JSON',
  ],
  // in-band errors
  [
    'valid question answered with nothing',
    subject(request([f.init(1), f.end(3)], { input: { question: { query: 'q', relevant: { iterable: [] } } } })),
    'stream_request_accepted',
    'answered COMPLETED at +3 ms with an empty answer (2 frames)',
  ],
  [
    'valid input refused in-band',
    subject(request([f.end(3, 'FAILED', 'r-1', { statusCode: 429, errorMessage: 'quota' })])),
    'stream_request_accepted',
    'valid input answered FAILED at +3 ms (statusCode 429, errorMessage "quota"); expected COMPLETED',
  ],
  [
    'malformed input answered',
    subject(request(answer, { intent: 'negative' })),
    'stream_in_band_error',
    'malformed input answered COMPLETED at +12 ms; expected FAILED with errorMessage',
  ],
  [
    'FAILED without errorMessage',
    subject(request([f.end(3, 'FAILED')], { intent: 'negative' })),
    'stream_in_band_error',
    'FAILED frame at +3 ms has no errorMessage',
  ],
  [
    'socket closed after the in-band error',
    subject(request([f.end(3, 'FAILED', 'r-1', { errorMessage: 'bad' })], { intent: 'negative' }), [], [], {
      code: 1011,
      reason: '',
      at: T0 + 4,
      byClient: false,
    }),
    'stream_in_band_error',
    'the server closed the socket (code 1011) at +4 ms after the in-band error',
  ],
  // budgets
  [
    'time to first chunk over budget',
    { ...subject(request(answer)), budgets: { ttfcMs: 3 } },
    'stream_timing_budget',
    'time to first chunk 5 ms > budget 3 ms (PIECES_STREAM_TTFC_MS)',
  ],
];
