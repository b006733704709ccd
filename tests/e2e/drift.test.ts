/**
 * Drift end to end (`pieces-conformance diff`, the real bin; the reference emulator spawned from
 * its bin): against a clean emulator there is no drift (exit 0); against an emulator with a fault
 * switch the difference is found and named, by operation and what differs (exit 1); an
 * unreachable target is a harness error (exit 2).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { cli, removeScratch, scratch } from './helpers.js';

after(removeScratch);

describe('diff: emulator against emulator', () => {
  let clean: RunningEmulator;
  let faulty: RunningEmulator;
  before(async () => {
    clean = await startEmulator({ port: 0, memory: true });
    faulty = await startEmulator({
      port: 0,
      memory: true,
      faults: ['asset-id-number', 'stream-frames-after-terminal'],
    });
  });
  after(async () => {
    await clean.close();
    await faulty.close();
  });

  test('the same emulator: no drift, exit 0', async () => {
    const reports = scratch('drift-clean');
    const r = await cli(['diff', '--target', clean.url, '--reports-dir', reports]);
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /no drift: \d+ steps and the stream agree in status and shape/);
    const md = readFileSync(join(reports, 'drift.md'), 'utf8');
    assert.match(md, /^# Drift between the emulator and the target: ✅ no drift/);
    const json = JSON.parse(readFileSync(join(reports, 'drift.json'), 'utf8'));
    assert.equal(json.drift, false);
    assert.ok(json.referenceRun.steps.length >= 18);
    assert.equal(json.referenceRun.stream.sequence, 'INITIALIZED IN-PROGRESS+ COMPLETED');
  });

  test('an emulator with faults: each difference named by operation, with both sides; exit 1', async () => {
    const reports = scratch('drift-faulty');
    const r = await cli(['diff', '--target', faulty.url, '--reports-dir', reports]);
    assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /createAsset \(create asset \(TypeScript\)\): body id: emulator string \/ target number/);
    assert.match(
      r.stdout,
      /qgptStream \(streamed question\): stream sequence: emulator INITIALIZED IN-PROGRESS\+ COMPLETED \/ target INITIALIZED IN-PROGRESS\+ COMPLETED IN-PROGRESS/,
    );
    const md = readFileSync(join(reports, 'drift.md'), 'utf8');
    assert.match(md, /\| createAsset \| create asset \(TypeScript\) \| body id \| string \| number \|/);
    assert.match(md, /Operations that drift: .*createAsset.*qgptStream/);
    const json = JSON.parse(readFileSync(join(reports, 'drift.json'), 'utf8'));
    assert.ok(json.drifts.some((d: any) => d.operationId === 'createAsset' && d.what === 'body id'));
  });

  test('--reference compares two running targets without spawning', async () => {
    const reports = scratch('drift-ref');
    const r = await cli(['diff', '--target', clean.url, '--reference', faulty.url, '--reports-dir', reports]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /body id: emulator number \/ target string/);
  });
});

test('diff: an unreachable target is a harness error (exit 2), a missing --target a usage error', async () => {
  const r = await cli(['diff', '--target', 'http://127.0.0.1:9']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /pieces-conformance: target error: the target at http:\/\/127\.0\.0\.1:9 is not reachable/);
  const u = await cli(['diff']);
  assert.equal(u.code, 2);
  assert.match(u.stderr, /diff needs --target URL/);
});
