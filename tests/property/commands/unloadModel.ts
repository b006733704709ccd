/** unloadModel: a downloaded local model unloads (and stays downloaded); one not downloaded is refused. */
import fc from 'fast-check';
import { slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';
import { modelFlags } from '../support/models.js';

/** POST /model/{model}/unload of the local model at a position. */
export class UnloadModelCommand implements PiecesCommand {
  constructor(readonly position: number) {}

  check(m: Readonly<PiecesModel>): boolean {
    return m.models.length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const i = slot(this.position, m.models.length);
    const view = m.models[i];
    const id = r.models[i];
    r.probe.begin(`${this}: #${i} ${id}`);
    if (view.downloaded) {
      await r.api.call('unloadModel', { path: { model: id } });
      const observed = await modelFlags(r.api, id);
      r.probe.judge('model_state_machine', { operation: 'unloadModel', model: id, step: 'after unloadModel', observed, expected: { downloaded: true, loaded: false } });
      r.probe.settle();
      m.models[i] = { downloaded: true, loaded: false };
      return;
    }
    const refused = await r.api.call('unloadModel', { path: { model: id }, intent: 'neutral', note: 'unload before download (409 expected)' });
    const observed = await modelFlags(r.api, id);
    r.probe.judge('model_state_machine', { operation: 'unloadModel', model: id, step: `after unloadModel of a model not downloaded (answered ${refused.status})`, observed, expected: { downloaded: false, loaded: false } });
    r.probe.settle();
  }

  toString(): string {
    return `unloadModel(POST /model/{#${this.position}}/unload)`;
  }
}

/** Generated unload commands. */
export function unloadModel(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new UnloadModelCommand(p));
}
