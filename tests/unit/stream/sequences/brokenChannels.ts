/** Broken channels: download progress that goes back or goes on. */
import type { StreamSubject } from '../../../../src/stream/index.js';
import { progress } from '../builders.js';

/** [name, subject, the check that must fail, a fragment of its facts] */
export const BROKEN_CHANNELS: Array<[string, StreamSubject, string, string]> = [
  // download progress
  [
    'percentage decreases',
    progress([
      [1, 'IN-PROGRESS', 10],
      [3, 'IN-PROGRESS', 40],
      [5, 'IN-PROGRESS', 35],
      [9, 'COMPLETED', 100],
    ]),
    'download_progress_monotonic',
    'model m-1: percentage fell from 40 (frame 2) to 35 (frame 3 at +5 ms)',
  ],
  [
    'download without terminal status',
    progress(
      [
        [1, 'IN-PROGRESS', 10],
        [3, 'IN-PROGRESS', 90],
      ],
      { end: { kind: 'timeout', atMs: 1000 } },
    ),
    'download_progress_terminal',
    'model m-1: no terminal status: the socket went quiet after +3 ms and stayed open without one until the download budget of 1000 ms ran out (2 frames, last IN-PROGRESS 90 % at +3 ms)',
  ],
  [
    'download socket silent from the start',
    progress([], { end: { kind: 'timeout', atMs: 1000 } }),
    'download_progress_terminal',
    'model m-1: no terminal status: nothing within the download budget of 1000 ms (0 frames, no frame at all)',
  ],
  [
    'download ends with the wrong status',
    progress(
      [
        [1, 'IN-PROGRESS', 10],
        [3, 'COMPLETED', 100],
      ],
      { expectTerminal: 'CANCELED' },
    ),
    'download_progress_terminal',
    'download ended COMPLETED at +3 ms; expected CANCELED',
  ],
  [
    'download frame after terminal',
    progress([
      [1, 'COMPLETED', 100],
      [3, 'IN-PROGRESS', 100],
    ]),
    'download_progress_terminal',
    'frame after terminal COMPLETED (IN-PROGRESS at +3 ms)',
  ],
];
