/** Good frame sequences: no stream check fails on them. */
import type { StreamSubject } from '../../../../src/stream/index.js';
import { answer, CONV, f, frame, progress, request, subject } from '../builders.js';

/** [name, subject] */
export const PASSING: Array<[string, StreamSubject]> = [
  ['INITIALIZED, chunks, COMPLETED', subject(request(answer, { reference: 'You asked: "hi"', token: 'TOK001' }))],
  [
    'chunks only, COMPLETED carrying the last chunk',
    subject(
      request(
        [
          f.chunk(3, 'a '),
          frame(6, {
            request: 'r-1',
            conversation: CONV,
            status: 'COMPLETED',
            question: { answers: { iterable: [{ text: 'b', score: 1 }] } },
          }),
        ],
        { reference: 'a b' },
      ),
    ),
  ],
  ['COMPLETED alone', subject(request([f.end(4)]))],
  [
    'a stop after the answer completed gets no second terminal frame',
    subject(request([...answer], { stopSentAtMs: 25 })),
  ],
  [
    'stopped after a stop command',
    subject(request([f.init(1), f.chunk(3, 'a'), f.chunk(5, 'b'), f.end(9, 'STOPPED')], { stopSentAtMs: 4 })),
  ],
  [
    'a stop that met the answer finishing: COMPLETED after a chunk already on its way',
    subject(request([f.init(1), f.chunk(3, 'a'), f.chunk(5, 'b'), f.end(6)], { stopSentAtMs: 4 })),
  ],
  [
    'malformed input: FAILED with errorMessage, id not readable',
    subject(
      request([frame(3, { conversation: '', status: 'FAILED', statusCode: 400, errorMessage: 'not JSON' })], {
        id: 'raw-1',
        intent: 'negative',
        echoExpected: false,
        rawInput: '{nope',
      }),
    ),
  ],
  [
    'concurrent requests with their own tokens',
    subject(request(answer, { token: 'TOK001' }), [
      request([f.chunk(3, 'TOK002', 'r-2'), f.end(5, 'COMPLETED', 'r-2')], { id: 'r-2', token: 'TOK002' }),
    ]),
  ],
  ['timings within budgets', { ...subject(request(answer)), budgets: { ttfcMs: 100, gapMs: 100, totalMs: 100 } }],
  [
    'download: UNKNOWN, INITIALIZED, rising percentage, COMPLETED',
    progress(
      [
        [1, 'UNKNOWN'],
        [5, 'INITIALIZED'],
        [9, 'IN-PROGRESS', 0],
        [12, 'IN-PROGRESS', 50],
        [15, 'IN-PROGRESS', 50],
        [20, 'COMPLETED', 100],
      ],
      { expectTerminal: 'COMPLETED' },
    ),
  ],
  [
    'download: canceled',
    progress(
      [
        [1, 'INITIALIZED'],
        [5, 'IN-PROGRESS', 10],
        [9, 'CANCELED'],
      ],
      { expectTerminal: 'CANCELED' },
    ),
  ],
];
