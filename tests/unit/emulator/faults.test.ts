/**
 * Every fault switch plants its bug, and only with the switch on: each switch has a check (plantedBugs/)
 * that answers whether its bug is visible; it must be false on a clean emulator and true with the switch.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listFaults, startEmulator } from '../../../emulator/index.js';
import { SHOWS_BUG, type ShowsBug } from './plantedBugs/index.js';
import { checks } from '../../../src/checks/registry.js';

// The strict security policy: the one a run under --security enforce judges, and the one the
// security switches weaken (the default observed policy has those bugs built in).
async function observe(fault: string | undefined, showsBug: ShowsBug): Promise<boolean> {
  const em = await startEmulator({
    port: 0,
    faults: fault ? [fault] : [],
    security: 'strict',
    streamDelayMs: 1,
    downloadMs: 30,
  });
  try {
    return await showsBug(em);
  } finally {
    await em.close();
  }
}

// The checks run side by side: each has its own emulator on its own port, and most of their time is waiting.
describe('emulator fault switches', { concurrency: 6 }, () => {
  const faults = listFaults();

  test('the catalogue: at least 20 switches, every tag and the stream, known check names, a bug check each', () => {
    assert.ok(faults.length >= 20);
    const tags = new Set(faults.map((f) => f.tag));
    for (const t of [
      'Well Known',
      'Assets',
      'Formats',
      'QGPT',
      'Conversations',
      'Models',
      'Applications',
      'User',
      'Connector',
    ])
      assert.ok(tags.has(t), t);
    assert.ok(faults.some((f) => f.operation === 'qgptStream'));
    assert.ok(faults.some((f) => f.operation === 'modelDownloadProgress'));
    for (const f of faults) {
      assert.ok(checks.get(f.expectedCheck), `${f.name}: unknown check ${f.expectedCheck}`);
      assert.match(f.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(f.description.length > 10);
    }
    assert.deepEqual(Object.keys(SHOWS_BUG).sort(), faults.map((f) => f.name).sort());
  });

  test('an unknown fault name rejects, naming it and listing the valid ones', async () => {
    await assert.rejects(
      startEmulator({ port: 0, faults: ['health-json', 'nope'] }),
      /Unknown fault switch: nope\. Valid names: health-json, /,
    );
  });

  for (const f of faults) {
    test(`${f.name} plants its bug (${f.expectedCheck}), and only when switched on`, async () => {
      const showsBug = SHOWS_BUG[f.name];
      assert.equal(await observe(undefined, showsBug), false, 'bug visible without the switch');
      assert.equal(await observe(f.name, showsBug), true, 'bug not visible with the switch');
    });
  }
});
