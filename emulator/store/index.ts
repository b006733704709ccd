/** The emulator's state: one SQLite database and a store per table group. */
import { randomUUID } from 'node:crypto';
import { ApplicationStore } from './applications.js';
import { AssetStore } from './assets.js';
import { ConversationStore } from './conversations.js';
import { metaValue, openDatabase, type DB } from './db.js';
import { FormatStore } from './formats.js';
import { ModelStore } from './models.js';
import { SearchIndex } from './search.js';

/** Every store over one database, plus the ids that must stay stable across restarts. */
export class Store {
  readonly db: DB;
  readonly assets: AssetStore;
  readonly formats: FormatStore;
  readonly search: SearchIndex;
  readonly conversations: ConversationStore;
  readonly models: ModelStore;
  readonly applications: ApplicationStore;
  /** This installation's Pieces OS id (Context.health.os.id). */
  readonly osId: string;
  /** The local user's id (the creator of assets). */
  readonly userId: string;

  /** Opens the data directory (or memory when undefined). */
  constructor(dataDir?: string) {
    this.db = openDatabase(dataDir);
    this.assets = new AssetStore(this.db);
    this.formats = new FormatStore(this.db);
    this.search = new SearchIndex(this.db);
    this.conversations = new ConversationStore(this.db);
    this.models = new ModelStore(this.db);
    this.applications = new ApplicationStore(this.db);
    this.osId = metaValue(this.db, 'os_id', randomUUID);
    this.userId = metaValue(this.db, 'user_id', randomUUID);
    this.userCreated = metaValue(this.db, 'user_created', () => new Date().toISOString());
  }

  /** When the local user profile was created. */
  readonly userCreated: string;

  /** Closes the database (checkpointing the WAL). */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
