/** loadModel: a downloaded local model loads; one that is not downloaded is refused and stays unloaded. */
import fc from 'fast-check';
import type { PiecesCommand } from '../model.js';
import { ModelTransitionCommand } from './modelTransition.js';

/** POST /model/{model}/load of the local model at a position. */
export class LoadModelCommand extends ModelTransitionCommand {
  protected readonly operation = 'loadModel' as const;
  protected readonly loadedAfter = true;
}

/** Generated load commands. */
export function loadModel(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new LoadModelCommand(p));
}
