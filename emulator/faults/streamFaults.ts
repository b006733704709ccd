/** Fault switches of the streamed answers (the qgptStream WebSocket): frame grammar, order, schema, crosstalk. */
import type { FaultRow } from './types.js';

/** QGPT rows of qgptStream, in catalogue order. */
export const STREAM_FAULTS: FaultRow[] = [
  [
    'stream-no-completed',
    'QGPT',
    'qgptStream',
    'stream_grammar',
    'Streamed answers never end with COMPLETED (the last chunk is the last frame).',
  ],
  [
    'stream-frames-after-terminal',
    'QGPT',
    'qgptStream',
    'stream_grammar',
    'One more IN-PROGRESS frame follows COMPLETED.',
  ],
  [
    'stream-chunks-out-of-order',
    'QGPT',
    'qgptStream',
    'stream_chunk_order',
    'Two adjacent chunks are sent swapped, so the concatenation differs from the REST answer.',
  ],
  [
    'stream-crosstalk',
    'QGPT',
    'qgptStream',
    'stream_no_crosstalk',
    "With two requests in flight, chunks of the later one are labelled with the earlier one's request and conversation.",
  ],
  [
    'stream-invalid-frame',
    'QGPT',
    'qgptStream',
    'stream_frame_schema',
    'IN-PROGRESS frames carry status "IN_PROGRESS", which is not in QGPTStreamEnum.',
  ],
  [
    'stream-missing-conversation',
    'QGPT',
    'qgptStream',
    'stream_conversation_present',
    'IN-PROGRESS frames leave out the required conversation.',
  ],
  [
    'stream-request-not-echoed',
    'QGPT',
    'qgptStream',
    'stream_request_echoed',
    "Frames carry a server-generated request id instead of the client's.",
  ],
  [
    'stream-malformed-closes',
    'QGPT',
    'qgptStream',
    'stream_grammar',
    'Malformed input closes the socket instead of answering an in-band FAILED frame.',
  ],
  [
    'stream-frame-not-json',
    'QGPT',
    'qgptStream',
    'stream_frame_schema',
    'Two IN-PROGRESS frames are batched into one WebSocket message, which is then not JSON.',
  ],
  [
    'stream-stop-after-complete',
    'QGPT',
    'qgptStream',
    'stream_grammar',
    'A stop that arrives after the answer completed is answered with a second terminal frame (STOPPED).',
  ],
  [
    'stream-follow-up-new-conversation',
    'QGPT',
    'qgptStream',
    'stream_conversation_present',
    'A question that names its conversation is answered in a new conversation.',
  ],
  [
    'stream-fails-valid',
    'QGPT',
    'qgptStream',
    'stream_request_accepted',
    'Every valid streamed question is answered FAILED (statusCode 500) instead of being answered.',
  ],
  [
    'stream-error-without-message',
    'QGPT',
    'qgptStream',
    'stream_in_band_error',
    'Malformed input is answered FAILED without its errorMessage.',
  ],
  [
    'stream-slow-first-chunk',
    'QGPT',
    'qgptStream',
    'stream_timing_budget',
    'The first chunk of every streamed answer comes after 6 s of empty IN-PROGRESS frames.',
  ],
];
