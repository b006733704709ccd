/** downloadModel: a local model not yet downloaded is downloaded, and reports it once finished. */
import fc from 'fast-check';
import { slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';
import { pollUntil } from '../../fixtures/poll.js';
import { modelFlags } from '../support/models.js';

/** POST /model/{model}/download of the local model at a position, then a bounded wait for it to finish. */
export class DownloadModelCommand implements PiecesCommand {
  constructor(readonly position: number) {}

  check(m: Readonly<PiecesModel>): boolean {
    return m.models.length > 0 && !m.models[slot(this.position, m.models.length)].downloaded;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const i = slot(this.position, m.models.length);
    const id = r.models[i];
    r.property.begin(`${this}: #${i} ${id}`);
    await r.api.call('downloadModel', { path: { model: id } });
    const waited = await pollUntil(
      () => modelFlags(r.api, id, 'waiting for the download'),
      (f) => f.downloading === false,
      { timeoutMs: r.downloadWaitMs, intervalMs: 50 },
    );
    r.judge('model_state_machine', {
      operation: 'downloadModel',
      model: id,
      step: `${waited.done ? 'after' : 'still not finished'} ${waited.waitedMs} ms after downloadModel`,
      observed: waited.value,
      expected: { downloaded: true, loaded: false, downloading: false },
    });
    r.property.settle();
    m.models[i] = { downloaded: true, loaded: false };
  }

  toString(): string {
    return `downloadModel(POST /model/{#${this.position}}/download)`;
  }
}

/** Generated download commands. */
export function downloadModel(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new DownloadModelCommand(p));
}
