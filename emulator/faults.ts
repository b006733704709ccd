/**
 * Fault switches: each plants one specific, documented contract bug so that the harness can prove
 * that the check named in `expectedCheck` catches it (schemathesis' bug toggles in its stateful
 * test app). Without any switch the emulator is correct. The emulator never imports the checks.
 */

/** One fault switch as listed by `--list-faults`. */
export interface FaultInfo {
  name: string;
  tag: string;
  operation: string;
  description: string;
  expectedCheck: string;
}

type Row = [name: string, tag: string, operation: string, expectedCheck: string, description: string];

// One row per switch; the table is the single list (the CLI, the README and the tests read it).
const ROWS: Row[] = [
  [
    'health-json',
    'Well Known',
    'getWellKnownHealth',
    'content_type_conformance',
    'Health answers {"status":"ok"} as application/json instead of text/plain.',
  ],
  [
    'version-not-semver',
    'Well Known',
    'getWellKnownVersion',
    'response_schema_conformance',
    'Version answers "twelve" instead of a semantic version.',
  ],
  [
    'asset-id-number',
    'Assets',
    'createAsset',
    'response_schema_conformance',
    'The created Asset carries its id as a number.',
  ],
  [
    'undocumented-status-create',
    'Assets',
    'createAsset',
    'status_code_conformance',
    'Creating an asset answers 201, which the contract does not document.',
  ],
  [
    'reject-valid-seed',
    'Assets',
    'createAsset',
    'request_accepted_as_documented',
    'A valid seed with the optional asset.metadata (e.g. a name) is refused with 400.',
  ],
  [
    'accept-invalid-seed',
    'Assets',
    'createAsset',
    'negative_data_rejection',
    'A seed that breaks the schema (e.g. no asset.format) is accepted with 200 and stored.',
  ],
  [
    'partial-write-on-bad-seed',
    'Assets',
    'createAsset',
    'no_state_change_on_rejection',
    'A rejected seed (400) still leaves an empty asset behind.',
  ],
  [
    'roundtrip-trims-content',
    'Assets',
    'createAsset',
    'content_round_trip',
    'Stored content loses its surrounding whitespace and its NUL characters (it no longer round-trips).',
  ],
  [
    'bad-json-500',
    'Assets',
    'createAsset',
    'not_a_server_error',
    'A malformed JSON body is answered with 500 instead of 400 (every operation with a body).',
  ],
  [
    'snapshot-omits-new-asset',
    'Assets',
    'getAssetsSnapshot',
    'ensure_resource_availability',
    'The assets snapshot leaves out the most recently created asset.',
  ],
  [
    'update-not-persisted',
    'Assets',
    'updateAsset',
    'update_persisted',
    'Update answers the changed asset but stores nothing.',
  ],
  [
    'delete-does-not-delete',
    'Assets',
    'deleteAsset',
    'use_after_delete',
    'Delete answers the id but the asset stays readable.',
  ],
  [
    'gone-as-404',
    'Assets',
    'getAsset',
    'status_code_conformance',
    'An unknown or deleted asset is answered 404 instead of the documented 410.',
  ],
  [
    'search-misses-content',
    'Assets',
    'searchAssets',
    'search_finds_created',
    'Search only looks at asset names, never at their content.',
  ],
  [
    'search-5xx-on-quote',
    'Assets',
    'searchAssets',
    'not_a_server_error',
    'A search query containing a double quote is passed raw to FTS5 and answered 500.',
  ],
  [
    'format-missing-classification',
    'Formats',
    'getFormat',
    'response_schema_conformance',
    'A single format is answered without its required classification.',
  ],
  [
    'formats-keep-deleted',
    'Formats',
    'getFormatsSnapshot',
    'use_after_delete',
    'The formats snapshot still lists the formats of deleted assets.',
  ],
  [
    'relevance-unsorted',
    'QGPT',
    'qgptRelevance',
    'relevance_sorted',
    'Relevant seeds are answered least relevant first.',
  ],
  [
    'relevance-score-out-of-range',
    'QGPT',
    'qgptRelevance',
    'response_schema_conformance',
    'Relevance scores are answered on a 0-100 scale instead of 0-1.',
  ],
  [
    'question-500-on-empty-relevant',
    'QGPT',
    'qgptQuestion',
    'not_a_server_error',
    'A question with relevant.iterable = [] (valid) is answered 500.',
  ],
  [
    'qgpt-rate-limited',
    'QGPT',
    'qgptQuestion',
    'request_accepted_as_documented',
    'Every question and relevance call is refused 429 (and the stream fails with statusCode 429).',
  ],
  [
    'qgpt-unauthorized',
    'QGPT',
    'qgptRelevance',
    'request_accepted_as_documented',
    'Every relevance call is refused 401.',
  ],
  ['qgpt-overloaded', 'QGPT', 'qgptQuestion', 'request_accepted_as_documented', 'Every question is refused 503.'],
  [
    'reprompt-missing-query',
    'QGPT',
    'qgptReprompt',
    'response_schema_conformance',
    'Reprompt answers {} without the required query.',
  ],
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
    'conversation-missing-messages',
    'Conversations',
    'getConversationMessages',
    'conversation_messages_recorded',
    'Streamed questions are answered but never recorded as conversation messages.',
  ],
  [
    'conversations-text-plain',
    'Conversations',
    'getConversationsSnapshot',
    'content_type_conformance',
    'The conversations snapshot is sent as text/plain.',
  ],
  [
    'conversation-gone-as-500',
    'Conversations',
    'getConversation',
    'not_a_server_error',
    'An unknown conversation is answered 500 instead of 410.',
  ],
  [
    'conversation-delete-keeps',
    'Conversations',
    'deleteConversation',
    'use_after_delete',
    'Delete answers 204 but the conversation stays readable and listed.',
  ],
  [
    'load-without-download',
    'Models',
    'loadModel',
    'model_state_machine',
    'A local model that is not downloaded can be loaded.',
  ],
  [
    'unload-keeps-loaded',
    'Models',
    'unloadModel',
    'model_state_machine',
    'Unload answers loaded:false but the model stays loaded.',
  ],
  [
    'model-410-as-404',
    'Models',
    'getModel',
    'status_code_conformance',
    'An unknown model is answered 404 instead of the documented 410.',
  ],
  [
    'download-stalls',
    'Models',
    'downloadModel',
    'model_state_machine',
    'Downloads stop at 90 % and never complete; the model never becomes downloaded.',
  ],
  [
    'download-progress-decreases',
    'Models',
    'modelDownloadProgress',
    'download_progress_monotonic',
    'The progress percentage goes down once during a download.',
  ],
  [
    'session-close-twice-ok',
    'Applications',
    'closeApplicationSession',
    'session_lifecycle',
    'Closing an already closed session answers 200 instead of 409.',
  ],
  [
    'register-not-listed',
    'Applications',
    'registerApplication',
    'ensure_resource_availability',
    'A registered application is answered but never appears in the applications snapshot.',
  ],
  [
    'user-wrong-type',
    'User',
    'getUser',
    'response_schema_conformance',
    'The user profile carries aesthetics.font.size as a string.',
  ],
  [
    'connect-missing-health',
    'Connector',
    'connect',
    'response_schema_conformance',
    'The connect Context leaves out the required health.',
  ],
];

const BY_NAME = new Map(
  ROWS.map(([name, tag, operation, expectedCheck, description]) => [
    name,
    { name, tag, operation, description, expectedCheck },
  ]),
);

/** Every fault switch, in catalogue order (fresh copies: callers may not change the catalogue). */
export function listFaults(): FaultInfo[] {
  return [...BY_NAME.values()].map((f) => ({ ...f }));
}

/** The switches a running emulator honours; `has` is what handlers ask. */
export class FaultSet {
  private readonly on: ReadonlySet<string>;
  /** Validates the names: an unknown one rejects with the list of valid names. */
  constructor(names: readonly string[] = []) {
    const unknown = names.filter((n) => !BY_NAME.has(n));
    if (unknown.length > 0) {
      throw new Error(
        `Unknown fault switch${unknown.length > 1 ? 'es' : ''}: ${unknown.join(', ')}. ` +
          `Valid names: ${[...BY_NAME.keys()].join(', ')}`,
      );
    }
    this.on = new Set(names);
  }
  /** Whether the named switch is on. */
  has(name: string): boolean {
    return this.on.has(name);
  }
  /** The switches that are on, sorted. */
  get names(): readonly string[] {
    return Object.freeze([...this.on].sort());
  }
}
