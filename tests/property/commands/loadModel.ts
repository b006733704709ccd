/** loadModel: a downloaded local model loads; one that is not downloaded is refused and stays unloaded. */
import fc from 'fast-check';
import { slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';
import { modelFlags } from '../support/models.js';

/** POST /model/{model}/load of the local model at a position. */
export class LoadModelCommand implements PiecesCommand {
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
      await r.api.call('loadModel', { path: { model: id } });
      const observed = await modelFlags(r.api, id);
      r.probe.judge('model_state_machine', { operation: 'loadModel', model: id, step: 'after loadModel', observed, expected: { downloaded: true, loaded: true } });
      r.probe.settle();
      m.models[i] = { downloaded: true, loaded: true };
      return;
    }
    const refused = await r.api.call('loadModel', { path: { model: id }, intent: 'neutral', note: 'load before download (409 expected)' });
    const observed = await modelFlags(r.api, id);
    r.probe.judge('model_state_machine', { operation: 'loadModel', model: id, step: `after loadModel of a model not downloaded (answered ${refused.status})`, observed, expected: { downloaded: false, loaded: false } });
    r.probe.settle();
  }

  toString(): string {
    return `loadModel(POST /model/{#${this.position}}/load)`;
  }
}

/** Generated load commands. */
export function loadModel(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new LoadModelCommand(p));
}
