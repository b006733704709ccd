/**
 * What load and unload share: on a downloaded local model the operation moves `loaded` to the
 * command's target; on one not downloaded it is refused and nothing changes.
 */
import { slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';
import { modelFlags } from '../support/models.js';

/** POST /model/{model}/load|unload of the local model at a position. */
export abstract class ModelTransitionCommand implements PiecesCommand {
  /** The operation this command calls. */
  protected abstract readonly operation: 'loadModel' | 'unloadModel';
  /** `loaded` after the operation succeeds. */
  protected abstract readonly loadedAfter: boolean;

  constructor(readonly position: number) {}

  check(m: Readonly<PiecesModel>): boolean {
    return m.models.length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const op = this.operation;
    const i = slot(this.position, m.models.length);
    const view = m.models[i];
    const id = r.models[i];
    r.property.begin(`${this}: #${i} ${id}`);
    if (view.downloaded) {
      await r.api.call(op, { path: { model: id } });
      const observed = await modelFlags(r.api, id);
      const expected = { downloaded: true, loaded: this.loadedAfter };
      r.judge('model_state_machine', { operation: op, model: id, step: `after ${op}`, observed, expected });
      r.property.settle();
      m.models[i] = expected;
      return;
    }
    const verb = op === 'loadModel' ? 'load' : 'unload';
    const refused = await r.api.call(op, {
      path: { model: id },
      intent: 'neutral',
      note: `${verb} before download (409 expected)`,
    });
    const observed = await modelFlags(r.api, id);
    r.judge('model_state_machine', {
      operation: op,
      model: id,
      step: `after ${op} of a model not downloaded (answered ${refused.status})`,
      observed,
      expected: { downloaded: false, loaded: false },
    });
    r.property.settle();
  }

  toString(): string {
    return `${this.operation}(POST /model/{#${this.position}}/${this.operation === 'loadModel' ? 'load' : 'unload'})`;
  }
}
