/** Valid request bodies built from the contract passed in, with realistic content plugged in. */
export * from './contractSchemas.js';
export * from './componentBody.js';
export * from './realistic.js';
export * from './seed.js';
export * from './qgpt.js';
export * from './seededConversation.js';
export * from './searchInput.js';
export * from './connectorConnection.js';
export * from './requestBody.js';
