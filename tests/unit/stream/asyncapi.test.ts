/**
 * The AsyncAPI document parses with @asyncapi/parser (external refs into the OpenAPI document
 * resolved) without an error-severity diagnostic, and its payloads are references, not copies.
 */
process.env.SCARF_ANALYTICS = 'false';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';

const FILE = 'spec/pieces-os.asyncapi.yaml';
const { document, diagnostics } = await fromFile(new Parser(), FILE).parse();
const raw = parseYaml(readFileSync(FILE, 'utf8'));
const openapi = parseYaml(readFileSync('spec/pieces-os.openapi.yaml', 'utf8'));

test('parses with no diagnostic of error severity', () => {
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  assert.deepEqual(
    errors.map((d) => `${d.path.join('/')}: ${d.message}`),
    [],
  );
  assert.ok(document, 'a document came back');
  assert.equal(document!.version(), '3.0.0');
});

test('channels, addresses and messages', () => {
  const channels = document!.channels();
  assert.equal(channels.get('qgptStream')?.address(), '/qgpt/stream');
  assert.equal(channels.get('modelDownloadProgress')?.address(), '/model/{model}/download/progress');
  assert.deepEqual(
    channels
      .get('qgptStream')!
      .messages()
      .all()
      .map((m) => m.id())
      .sort(),
    ['QGPTStreamInput', 'QGPTStreamOutput'],
  );
  assert.deepEqual(
    channels
      .get('modelDownloadProgress')!
      .parameters()
      .all()
      .map((p) => p.id()),
    ['model'],
  );
});

test("operations take the server's point of view: it receives the input and sends the frames", () => {
  const actions = Object.fromEntries(
    document!
      .operations()
      .all()
      .map((o) => [
        o.id(),
        `${o.action()} ${o
          .messages()
          .all()
          .map((m) => m.id())
          .join(',')}`,
      ]),
  );
  assert.deepEqual(actions, {
    receiveQgptStreamInput: 'receive QGPTStreamInput',
    sendQgptStreamOutput: 'send QGPTStreamOutput',
    sendModelDownloadProgress: 'send ModelDownloadProgress',
  });
});

test('payloads reference the OpenAPI components (resolved, not copied)', () => {
  for (const [name, msg] of Object.entries<any>(raw.components.messages)) {
    assert.deepEqual(msg.payload, { $ref: `./pieces-os.openapi.yaml#/components/schemas/${name}` }, name);
    assert.ok(openapi.components.schemas[name], `the OpenAPI document defines ${name}`);
  }
  const output = document!.channels().get('qgptStream')!.messages().get('QGPTStreamOutput')!.payload()!;
  assert.deepEqual(output.required(), ['conversation']);
  assert.ok(output.properties()?.status?.enum()?.includes('IN-PROGRESS'), 'the enum came through the reference');
});

test("the OpenAPI document's x-asyncapi-channel names exist here", () => {
  const named = Object.values<any>(openapi.paths)
    .flatMap((item) => Object.values<any>(item))
    .map((op) => op?.['x-asyncapi-channel'])
    .filter(Boolean);
  assert.deepEqual(named.sort(), ['modelDownloadProgress', 'qgptStream']);
  for (const n of named) assert.ok(document!.channels().get(n), n);
});
