/**
 * From a create-asset Seed to the stored record. Defensive about shape: with the
 * `accept-invalid-seed` fault a seed that broke the schema gets here too, and must not crash.
 */
import { randomUUID } from 'node:crypto';
import { type AssetRecord, type Payload, payloadBytes, payloadText } from './asset.js';
import { classify } from './classify.js';
import { cleanApplication, pick } from './common.js';

/** The application assets are attributed to when a seed names none (only under a fault). */
const FALLBACK_APPLICATION = Object.freeze({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'OS_SERVER',
  version: '12.3.1',
  platform: 'LINUX',
  onboarded: true,
  privacy: 'OPEN',
  capabilities: 'BLENDED',
  automaticUnload: false,
});

const LANGUAGE_NAMES: Record<string, string> = {
  py: 'Python',
  js: 'JavaScript',
  ts: 'TypeScript',
  go: 'Go',
  rs: 'Rust',
  java: 'Java',
  cs: 'C#',
  cpp: 'C++',
  c: 'C',
  php: 'PHP',
  html: 'HTML',
  css: 'CSS',
  sql: 'SQL',
  sh: 'Shell',
  json: 'JSON',
  yaml: 'YAML',
  md: 'Markdown',
  xml: 'XML',
  txt: 'Text',
  text: 'Text',
};

/** A readable language name for an extension ("Python"), the extension itself otherwise. */
export function languageName(ext: string): string {
  return LANGUAGE_NAMES[ext] ?? ext.toUpperCase();
}

function obj(v: unknown): Record<string, any> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {};
}

/** The stored payload of a SeededFragment or SeededFile (only the fields the contract defines). */
function payloadOf(
  src: Record<string, any>,
  kind: 'fragment' | 'file',
  trim: boolean,
  rewrite?: (raw: string) => string,
): Payload {
  const out: Payload = {};
  if (src.string && typeof src.string === 'object') {
    const s = pick<Record<string, unknown>>(src.string, ['raw', 'base64', 'base64_url', 'data_url']);
    if (trim && typeof s.raw === 'string') s.raw = s.raw.replace(/\u0000/g, '').trim(); // the fault's lossy sanitising
    if (rewrite && typeof s.raw === 'string') s.raw = rewrite(s.raw); // other faults' lossy rewrites
    out.string = s;
  }
  if (src.bytes && Array.isArray(src.bytes.raw)) out.bytes = { raw: src.bytes.raw };
  // FileFormat has no metadata; FragmentFormat keeps its ext.
  if (kind === 'fragment' && src.metadata && typeof src.metadata === 'object')
    out.metadata = pick<Record<string, unknown>>(src.metadata, ['ext']);
  return out;
}

/** Builds the record of a new asset from a Seed. */
export function recordFromSeed(
  seed: unknown,
  creator: string,
  now: string,
  opts: { trim?: boolean; rewrite?: (raw: string) => string } = {},
): AssetRecord {
  const asset = obj(obj(seed).asset);
  const format = obj(asset.format);
  const kind = format.fragment ? 'fragment' : format.file ? 'file' : 'fragment';
  const src = obj(format[kind]);
  const payload = payloadOf(src, kind, opts.trim === true, opts.rewrite);
  const ext = obj(src.metadata).ext as string | undefined;
  const text = payloadText(payload);
  const classification = classify(payload.string ? text : undefined, ext, obj(format.classification));
  const meta = obj(asset.metadata);
  const application = asset.application ? cleanApplication(asset.application) : { ...FALLBACK_APPLICATION };
  const fileName = kind === 'file' ? obj(src.metadata).name : undefined;
  const record: AssetRecord = {
    id: randomUUID(),
    formatId: randomUUID(),
    // Real Pieces OS names every asset; without a name we use the language, never the content, so
    // that a name search cannot find content by accident.
    name:
      typeof meta.name === 'string'
        ? meta.name
        : typeof fileName === 'string'
          ? fileName
          : `${languageName(classification.specific)} Snippet`,
    creator,
    created: now,
    updated: now,
    mechanism: typeof meta.mechanism === 'string' ? meta.mechanism : 'MANUAL',
    application,
    classification,
    kind,
    payload,
    byteCount: payloadBytes(payload),
  };
  if (Array.isArray(meta.tags)) {
    record.tags = meta.tags
      .filter((t: any) => typeof t?.text === 'string')
      .map((t: any) => ({ id: randomUUID(), text: t.text }));
  }
  for (const k of ['pseudo', 'discovered', 'demo'] as const) if (typeof asset[k] === 'boolean') record[k] = asset[k];
  return record;
}
