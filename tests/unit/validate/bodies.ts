/** Known-good response bodies for the validator tests, built by hand from the real Pieces OS shapes. */
const ts = { value: '2026-11-28T10:00:00.000Z', readable: 'just now' };
const schema = { migration: 0, semantic: 'MAJOR_0_MINOR_0_PATCH_1' };
const application = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  name: 'OPEN_SOURCE',
  version: '1.0.0',
  platform: 'LINUX',
  onboarded: true,
  privacy: 'OPEN',
  schema,
};
const assetId = '0b6c9c1e-1111-4c1e-9c1e-000000000001';
const formatId = '0b6c9c1e-2222-4c1e-9c1e-000000000002';
const classification = { generic: 'CODE', specific: 'ts' };
const flatFormat = {
  id: formatId,
  creator: 'x',
  classification,
  role: 'ORIGINAL',
  application,
  asset: assetId,
  bytes: { value: 5, readable: '5 B' },
  created: ts,
  updated: ts,
  fragment: { string: { raw: 'hello' } },
};
const format = { ...flatFormat, asset: { id: assetId, name: 'n' } };
const asset = {
  id: assetId,
  creator: 'x',
  created: ts,
  updated: ts,
  name: 'n',
  mechanism: 'MANUAL',
  formats: { iterable: [format] },
  preview: { base: { id: formatId, reference: flatFormat } },
  original: { id: formatId, reference: flatFormat },
  schema,
};
const model = {
  id: 'm-1',
  version: '1.0',
  created: ts,
  name: 'Llama',
  cloud: false,
  type: 'BALANCED',
  usage: 'CODE_CONVERSATION',
  foundation: 'LLAMA_3_8B',
  downloaded: false,
  loaded: false,
  parameters: 8,
  maxTokens: { total: 8192, input: null, output: null },
};
const message = {
  id: 'msg-1',
  created: ts,
  updated: ts,
  conversation: { id: 'c-1' },
  role: 'USER',
  fragment: { string: { raw: 'q?' } },
};
const conversation = {
  id: 'c-1',
  created: ts,
  updated: ts,
  type: 'COPILOT',
  name: 'chat',
  messages: { iterable: [{ id: 'msg-1', reference: message }] },
};
const searched = {
  iterable: [{ identifier: assetId, exact: true, score: 0.9, match: 'CONTENT', asset }],
  suggested: 0,
  exact: 1,
};
const scored = {
  id: assetId,
  asset: { id: assetId },
  score: 0.8,
  seed: { type: 'SEEDED_ASSET', asset: { application, format: { fragment: { string: { raw: 'hello' } } } } },
};
const profile = {
  id: 'u-1',
  name: 'Dev',
  email: 'dev@example.com',
  aesthetics: { theme: { dark: true }, font: { size: 12 } },
};

/** [operationId, status, media type, body] rows that must validate in strict mode. */
export const goodBodies: Array<[string, number, string, unknown]> = [
  ['getWellKnownHealth', 200, 'text/plain', 'ok'],
  ['getWellKnownHealth', 200, 'text/plain', 'OK:1f2e'],
  ['getWellKnownVersion', 200, 'text/plain', '12.1.0'],
  ['getWellKnownVersion', 200, 'text/plain', '11.0.4-staging'],
  ['getAssetsSnapshot', 200, 'application/json', { iterable: [asset], indices: { [assetId]: 0 } }],
  ['createAsset', 200, 'application/json', asset],
  ['searchAssets', 200, 'application/json', { results: searched }],
  ['getAsset', 200, 'application/json', asset],
  ['getAsset', 410, 'text/plain', 'Asset no longer exists and is Gone.'],
  ['updateAsset', 200, 'application/json', asset],
  ['deleteAsset', 200, 'text/plain', assetId],
  ['getFormatsSnapshot', 200, 'application/json', { iterable: [format] }],
  ['getFormat', 200, 'application/json', format],
  ['qgptQuestion', 200, 'application/json', { answers: { iterable: [{ text: 'Use a map.', score: 0.7 }] } }],
  ['qgptRelevance', 200, 'application/json', { relevant: { iterable: [scored] } }],
  ['qgptRelevance', 200, 'application/json', { relevant: { iterable: [] } }],
  ['qgptReprompt', 200, 'application/json', { query: 'How do I sort a list in TypeScript?' }],
  ['getConversationsSnapshot', 200, 'application/json', { iterable: [conversation] }],
  ['createConversation', 200, 'application/json', conversation],
  ['getConversation', 200, 'application/json', conversation],
  ['getConversationMessages', 200, 'application/json', { iterable: [message] }],
  ['getModelsSnapshot', 200, 'application/json', { iterable: [model] }],
  ['getModel', 200, 'application/json', model],
  ['downloadModel', 200, 'application/json', { ...model, downloading: true }],
  ['loadModel', 409, 'text/plain', 'model is not downloaded'],
  ['getApplicationsSnapshot', 200, 'application/json', { iterable: [application] }],
  ['registerApplication', 200, 'application/json', application],
  ['openApplicationSession', 200, 'application/json', { id: 's-1', opened: ts }],
  ['closeApplicationSession', 200, 'application/json', { id: 's-1', opened: ts, closed: ts }],
  ['getUser', 200, 'application/json', { user: profile }],
  ['getUser', 200, 'application/json', {}],
  [
    'connect',
    200,
    'application/json',
    { application, health: { os: { id: 'os-1', version: '12.1.0' } }, os: 'os-1', user: profile },
  ],
];
