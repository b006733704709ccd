/** deleteAsset: a live asset is deleted; reading it afterwards answers that it is gone. */
import fc from 'fast-check';
import { judgeGone, liveAssets, slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';

/** POST /assets/{asset}/delete of the live asset at a position. */
export class DeleteAssetCommand implements PiecesCommand {
  constructor(readonly position: number) {}

  check(m: Readonly<PiecesModel>): boolean {
    return liveAssets(m).length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const live = liveAssets(m);
    const i = live[slot(this.position, live.length)];
    const { id } = r.assets[i];
    r.property.begin(`${this}: #${i} ${id}`);
    await r.api.call('deleteAsset', { path: { asset: id } });
    await judgeGone(r, 'deleteAsset', 'getAsset', 'asset', id);
    r.property.settle();
    m.assets[i] = { ...m.assets[i], deleted: true };
  }

  toString(): string {
    return `deleteAsset(POST /assets/{#${this.position}}/delete)`;
  }
}

/** Generated delete commands. */
export function deleteAsset(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new DeleteAssetCommand(p));
}
