/** The stream suite's library: records, the WebSocket clients, timings (the stream checks run from src/checks). */
export * from './types.js';
export * from './frames.js';
export { answerTimings, budgetsFromEnv, timingLine, timeoutFromEnv } from './timing.js';
export { connect, QgptStreamSocket } from './socket.js';
export type { AskHandle, AskOptions, SocketTimeouts } from './socket.js';
export { watchDownload } from './progress.js';
export type { ProgressHandle, WatchOptions } from './progress.js';
export { StreamSession, socketTimeoutsOf, streamTimeoutsFromEnv, wsUrl } from './session.js';
export type { StreamSessionOptions } from './session.js';
