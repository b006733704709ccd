/** HAR 1.2 recordings: entries from exchanges and WebSockets, the structure check, writing and reading. */
export type * from './types.js';
export { HAR_SCHEMA, harProblems } from './structure.js';
export {
  entryOfExchange,
  entryOfWebSocket,
  exchangeOfEntry,
  webSocketOfEntry,
  isWebSocketEntry,
  MAX_HAR_BODY,
} from './entries.js';
export type { HarContext, WebSocketRecord } from './entries.js';
export { HAR_CREATOR, harDocument, writeHar, readHar, harItems } from './file.js';
export type { HarItem, HarRead } from './file.js';
export { RUN_HAR, HAR_PARTS_DIR, HarPartWriter, clearHarParts, assembleRunHar } from './parts.js';
export { webSocketsOfSession } from './streams.js';
export type { SocketSource } from './streams.js';
export { HarRecorder } from './recorder.js';
