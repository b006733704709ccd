/** searchAssets: the token of an asset finds it while it lives, and no longer once it is deleted. */
import fc from 'fast-check';
import { slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';
import { searchIds } from '../support/data.js';
import { eventually, waitedOf } from '../../fixtures/poll.js';

/** POST /assets/search for the token of the asset at a position (deleted ones included). */
export class SearchAssetsCommand implements PiecesCommand {
  constructor(readonly position: number) {}

  check(m: Readonly<PiecesModel>): boolean {
    return m.assets.length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const i = slot(this.position, m.assets.length);
    const view = m.assets[i];
    const { id } = r.assets[i];
    r.property.begin(`${this}: #${i} ${id}`);
    // The search index may lag the writes: found (or gone) within the consistency budget.
    const polled = await eventually(
      r.budgets,
      async () =>
        searchIds(
          (await r.api.call('searchAssets', { body: { query: view.token }, query: { transferables: false } })).data,
        ),
      (found) => found.includes(id) !== view.deleted,
    );
    const found = polled.value;
    const waited = waitedOf(r.budgets, polled);
    if (view.deleted)
      r.judge('use_after_delete', {
        operation: 'searchAssets',
        id,
        deletedBy: 'deleteAsset',
        listed: found.includes(id),
        ...waited,
      });
    else r.judge('search_finds_created', { operation: 'searchAssets', query: view.token, id, found, ...waited });
    r.property.settle();
  }

  toString(): string {
    return `searchAssets(POST /assets/search token of #${this.position})`;
  }
}

/** Generated search commands. */
export function searchAssets(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new SearchAssetsCommand(p));
}
