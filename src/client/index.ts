/** The typed client: transport-free core, transports at the edge, cURL reproduction. */
export { ApiClient, resultOf } from './client.js';
export type { ClientOptions } from './client.js';
export { buildRequest, fillPath, queryString, joinUrl } from './build.js';
export type { RequestArgs } from './build.js';
export { toCurl, requestToCurl, shellQuote } from './curl.js';
export { fetchTransport } from './transport/fetch.js';
export { playwrightTransport } from './transport/playwright.js';
export { transportErrorLine } from './transport/errors.js';
export { rankedOf, relevanceAnswerOf, relevantOf, searchIdsOf, searchResultsOf, userOf } from './envelopes.js';
export type * from './types.js';
export type * as Contract from './generated/contract.js';
export { clientPlatform, questionModelOf } from './realClient.js';
