/** Connector (a neighbour of the seed): connecting an integration answers a Context naming it. */
import { randomBytes } from 'node:crypto';
import { test } from '../fixtures/index.js';
import { connection } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';

test.describe('Connector', { tag: '@Connector' }, () => {
  test('connect answers a context for the connecting application', async ({ api, judge, safety }) => {
    safety.writes();
    const body = connection(randomBytes(4).toString('hex'));
    const ctx = must(await api.call('connect', { body }), 'the connect test');
    judge('references_consistent', {
      operation: 'connect',
      id: ctx.application.id,
      field: 'application name, platform, version',
      source: 'the request',
      expected: [body.application.name, body.application.platform, body.application.version],
      actual: [ctx.application.name, ctx.application.platform, ctx.application.version],
    });
  });
});
