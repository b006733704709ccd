/**
 * The Asset and Format shapes of the contract, rendered from one stored record. Rendering happens
 * at write time: the store keeps the finished JSON (with and without transferables), so a read is
 * one SQLite lookup and no serialisation.
 */
import { byteDescriptor, SCHEMA, stamp } from './common.js';
import type { Classification } from './classify.js';

/** The transferable payload of a format: a fragment or a file. */
export interface Payload {
  string?: Record<string, unknown>;
  bytes?: { raw?: number[] };
  metadata?: Record<string, unknown>;
}

/** What the store keeps for one asset and its single ORIGINAL format. */
export interface AssetRecord {
  id: string;
  formatId: string;
  name?: string;
  creator: string;
  created: string;
  updated: string;
  mechanism: string;
  favorited?: boolean;
  pseudo?: boolean;
  discovered?: boolean;
  demo?: boolean;
  tags?: Array<{ id: string; text: string }>;
  application: Record<string, unknown>;
  classification: Classification;
  /** Whether the content came as a fragment or as a file. */
  kind: 'fragment' | 'file';
  payload: Payload;
  byteCount: number;
}

/** The rendered JSON texts of one asset. */
export interface AssetDocs {
  asset: string;
  assetLite: string;
  format: string;
  formatLite: string;
}

/** A payload without its transferable contents (transferables=false): the encodings are left out. */
function lite(payload: Payload): Payload {
  const out: Payload = {};
  if (payload.string) out.string = {};
  if (payload.bytes) out.bytes = {};
  if (payload.metadata) out.metadata = payload.metadata;
  return out;
}

/** A timestamp as nested copies carry it: the value only (`readable` is optional). */
function bare(iso: string) {
  return { value: iso };
}

/**
 * The asset as its formats carry it (a FlattenedAsset): its own fields, its formats (as
 * references), its preview and original as format ids. Upstream Pieces OS requires all of these on a FlattenedAsset, so
 * clients generated from its documents can read a format's asset.
 */
function flattenedAsset(r: AssetRecord, time: (iso: string) => object = stamp) {
  return {
    id: r.id,
    ...(r.name !== undefined ? { name: r.name } : {}),
    creator: r.creator,
    created: time(r.created),
    updated: time(r.updated),
    mechanism: r.mechanism,
    formats: { iterable: [{ id: r.formatId }] },
    preview: { base: r.formatId },
    original: r.formatId,
  };
}

/**
 * A format in one of three places: standalone (/format, /formats: a Format whose asset is a
 * FlattenedAsset), inside its asset's `formats` (the same, with bare timestamps), or as
 * the asset's `original.reference` (a FlattenedFormat: the asset as its id string). The nested
 * copies leave out what their asset already says, as flattened references do.
 */
function format(r: AssetRecord, withPayload: boolean, place: 'standalone' | 'listed' | 'original') {
  const standalone = place === 'standalone';
  return {
    ...(standalone ? { schema: SCHEMA } : {}),
    id: r.formatId,
    creator: r.creator,
    classification: r.classification,
    role: 'ORIGINAL',
    application: r.application,
    asset: place === 'original' ? r.id : standalone ? flattenedAsset(r) : flattenedAsset(r, bare),
    bytes: byteDescriptor(r.byteCount),
    created: standalone ? stamp(r.created) : bare(r.created),
    updated: standalone ? stamp(r.updated) : bare(r.updated),
    [r.kind]: withPayload ? r.payload : lite(r.payload),
  };
}

function asset(r: AssetRecord, withPayload: boolean) {
  const out: Record<string, unknown> = {
    schema: SCHEMA,
    id: r.id,
    ...(r.name !== undefined ? { name: r.name } : {}),
    creator: r.creator,
    created: stamp(r.created),
    updated: stamp(r.updated),
    formats: { iterable: [format(r, withPayload, 'listed')] },
    preview: { base: { id: r.formatId } },
    original: { id: r.formatId, reference: format(r, withPayload, 'original') },
    mechanism: r.mechanism,
  };
  for (const k of ['favorited', 'pseudo', 'discovered', 'demo'] as const) if (r[k] !== undefined) out[k] = r[k];
  if (r.tags) out.tags = { iterable: r.tags };
  return out;
}

/** Renders every JSON text the store serves for an asset. */
export function renderAsset(r: AssetRecord): AssetDocs {
  return {
    asset: JSON.stringify(asset(r, true)),
    assetLite: JSON.stringify(asset(r, false)),
    format: JSON.stringify(format(r, true, 'standalone')),
    formatLite: JSON.stringify(format(r, false, 'standalone')),
  };
}

/** The searchable text of a payload: the raw string, or a decoded base64 form, else nothing. */
export function payloadText(p: Payload): string {
  const s = p.string as Record<string, string> | undefined;
  if (!s) return '';
  if (typeof s.raw === 'string') return s.raw;
  try {
    if (typeof s.base64 === 'string') return Buffer.from(s.base64, 'base64').toString('utf8');
    if (typeof s.base64_url === 'string') return Buffer.from(s.base64_url, 'base64url').toString('utf8');
  } catch {
    /* undecodable: not searchable */
  }
  return '';
}

/** The byte size of a payload as the ByteDescriptor counts it. */
export function payloadBytes(p: Payload): number {
  if (p.bytes?.raw) return p.bytes.raw.length;
  const s = p.string as Record<string, string> | undefined;
  if (!s) return 0;
  const text = s.raw ?? s.base64 ?? s.base64_url ?? s.data_url ?? '';
  return Buffer.byteLength(text, 'utf8');
}
