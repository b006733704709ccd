/**
 * The one list of the stateful property's commands, one per API operation (each in its own file).
 * Model lifecycle commands are in the list only where model downloads are allowed.
 */
import type fc from 'fast-check';
import type { OpenApiDocument } from '../../../src/fuzz/index.js';
import type { PiecesCommand } from '../model.js';
import { createAsset } from './createAsset.js';
import { getAsset } from './getAsset.js';
import { updateAssetName } from './updateAssetName.js';
import { deleteAsset } from './deleteAsset.js';
import { searchAssets } from './searchAssets.js';
import { listAssets } from './listAssets.js';
import { createConversation } from './createConversation.js';
import { getConversation } from './getConversation.js';
import { getConversationMessages } from './getConversationMessages.js';
import { listConversations } from './listConversations.js';
import { deleteConversation } from './deleteConversation.js';
import { downloadModel } from './downloadModel.js';
import { loadModel } from './loadModel.js';
import { unloadModel } from './unloadModel.js';

/** What the list depends on. */
export interface CommandOptions {
  spec: OpenApiDocument;
  /** Drive local models (download, load, unload): the embedded emulator, or PIECES_ALLOW_DOWNLOADS=1. */
  models: boolean;
}

/** Every command of the stateful property. */
export function allCommands(options: CommandOptions): fc.Arbitrary<PiecesCommand>[] {
  return [
    createAsset(options.spec),
    getAsset(),
    updateAssetName(),
    deleteAsset(),
    searchAssets(),
    listAssets(),
    createConversation(options.spec),
    getConversation(),
    getConversationMessages(),
    deleteConversation(),
    listConversations(),
    ...(options.models ? [downloadModel(), loadModel(), unloadModel()] : []),
  ];
}
