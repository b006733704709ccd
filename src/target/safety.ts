/**
 * What a run may send to someone's Pieces OS, decided once: the operations that change the target,
 * and the prompts (every QGPT operation: a question runs a model, may load one, may use a cloud
 * quota, and a streamed one starts a conversation). A read-only run (PIECES_READONLY) sends
 * neither; the fixtures' guard and `diff --readonly` both ask here.
 */

/** Operations that change the target's state (everything else is a read, POST or not). */
export const WRITE_OPERATIONS: ReadonlySet<string> = new Set([
  'createAsset',
  'updateAsset',
  'deleteAsset',
  'createConversation',
  'deleteConversation',
  'downloadModel',
  'loadModel',
  'unloadModel',
  'cancelModelDownload',
  'registerApplication',
  'openApplicationSession',
  'closeApplicationSession',
  'connect',
]);

/** Operations that put a prompt to the target's models (REST and the stream). */
export const PROMPT_OPERATIONS: ReadonlySet<string> = new Set([
  'qgptQuestion',
  'qgptRelevance',
  'qgptReprompt',
  'qgptStream',
]);

/** Model operations that change a model's state. */
export const MODEL_WRITE_OPERATIONS: ReadonlySet<string> = new Set([
  'downloadModel',
  'loadModel',
  'unloadModel',
  'cancelModelDownload',
]);

/** Why a read-only run must not send `operationId`, or undefined when it may. */
export function readonlyRefusal(operationId: string): string | undefined {
  if (WRITE_OPERATIONS.has(operationId)) return `${operationId} changes the target`;
  if (PROMPT_OPERATIONS.has(operationId)) return `${operationId} puts a prompt to the target's models`;
  return undefined;
}
