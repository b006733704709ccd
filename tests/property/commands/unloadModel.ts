/** unloadModel: a downloaded local model unloads (and stays downloaded); one not downloaded is refused. */
import fc from 'fast-check';
import type { PiecesCommand } from '../model.js';
import { ModelTransitionCommand } from './modelTransition.js';

/** POST /model/{model}/unload of the local model at a position. */
export class UnloadModelCommand extends ModelTransitionCommand {
  protected readonly operation = 'unloadModel' as const;
  protected readonly loadedAfter = false;
}

/** Generated unload commands. */
export function unloadModel(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new UnloadModelCommand(p));
}
