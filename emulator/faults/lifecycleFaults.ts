/** Fault switches of the resources with a lifecycle: conversations, models (load, download), application sessions. */
import type { FaultRow } from './types.js';

/** Conversations, Models and Applications rows, in catalogue order. */
export const LIFECYCLE_FAULTS: FaultRow[] = [
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
    'conversation-delete-by-name',
    'Conversations',
    'deleteConversation',
    'no_collateral_damage',
    'Deleting a conversation also deletes every other conversation of the same name.',
  ],
  [
    'streamed-conversation-unlisted',
    'Conversations',
    'getConversationsSnapshot',
    'ensure_resource_availability',
    'A conversation started by a streamed question is readable but left out of the conversations snapshot.',
  ],
  [
    'messages-indices-off-by-one',
    'Conversations',
    'getConversationMessages',
    'listing_consistent',
    'The messages list maps each message id to its position plus one in indices.',
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
];
