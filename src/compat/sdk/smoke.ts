/**
 * The SDK smoke run: drives a target through the official TypeScript SDK (typescript-fetch,
 * `new Configuration({ basePath })`, its API classes) the way integrations call it, and records for
 * every call whether it worked, the SDK's error when it did not (`ResponseError: 410 ...`, a JSON
 * parse error of a text endpoint, a TypeError from a `FromJSON` that needed a missing field), the
 * HTTP requests it made, and whether the snippet content survives
 * (`original.reference.fragment.string.raw` equal to what was sent).
 *
 * Everything it creates is marked (`pieces-conformance:sdk-<version>:<nonce>`) and removed at the
 * end. Model downloads, loads and unloads run only when allowed; a read-only run makes no writes.
 */
import { randomBytes } from 'node:crypto';
import { operationKey } from '../paths.js';
import type { LoadedSdk, SdkModule } from './load.js';

/** What happened to one SDK call. */
export type SdkOutcome = 'ok' | 'failed' | 'skipped';

/** Whether the snippet content came back as sent. */
export type ContentCheck = 'survives' | 'changed' | 'absent';

/** One HTTP request the SDK made during a call. */
export interface SdkHttp {
  method: string;
  /** Path (and query) relative to the base path. */
  path: string;
  status?: number;
  contentType?: string;
  /** The first 200 characters of the answer. */
  body?: string;
  /** The fetch error, when no answer came. */
  error?: string;
  /** fetch refused to build the request (nothing was sent). */
  notSent?: boolean;
  durationMs: number;
}

/** One step of the smoke run. */
export interface SdkCall {
  /** Short step name, e.g. `createAsset`. */
  step: string;
  /** The SDK method, e.g. `AssetsApi.assetsCreateNewAsset`. */
  method: string;
  /** Matrix column key of the operation the step exercises, `METHOD /path/{}`. */
  key: string;
  outcome: SdkOutcome;
  /** The SDK's error (failed), or why the step did not run (skipped). */
  error?: string;
  /** Anything worth knowing about an answer that worked (a missing envelope, content, ...). */
  note?: string;
  /** The call returned, but its answer lacked what a client reads (treated as a failure in the matrix). */
  shapeProblem?: string;
  /** The content check, for steps that answer the asset. */
  content?: ContentCheck;
  /** True for cleanup calls (not a step of the smoke run proper). */
  cleanup?: boolean;
  http: SdkHttp[];
  durationMs: number;
}

/** The whole smoke run. */
export interface SdkSmokeResult {
  sdk: { name: string; version: string };
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  /** The marker every created name carries. */
  marker: string;
  calls: SdkCall[];
  /** What the run created and could not remove (`asset <id>`, ...), with why. */
  leftovers: string[];
}

/** Options of the smoke run. */
export interface SdkSmokeOptions {
  /** The target's base URL (the SDK's own default, port 1000, is wrong for Pieces OS 11+). */
  baseUrl: string;
  /** The SDK as loaded by `loadSdk()` (tests may inject a fake). */
  loaded: LoadedSdk;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Download, cancel, load and unload a model (default false; the emulator allows it). */
  allowDownloads?: boolean;
  /** No writes: only the read steps run. */
  readonly?: boolean;
  /** A fixed nonce for the marker (tests). */
  nonce?: string;
}

/** A snippet that only round-trips when stored exactly (whitespace, CRLF, tab, non-ASCII, an astral character). */
export function smokeContent(token: string): string {
  return `  \n\tfunction ${token}() {\r\n  return "caf\u00e9 \u{1F680} ${token}";\n}\n  `;
}

/** A search-friendly token (letters only). */
function token(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return `zq${[...randomBytes(10)].map((b) => letters[b % letters.length]).join('')}`;
}

function oneLine(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The SDK's error as one line: its class, and for a ResponseError the status and the answer's start. */
export async function describeSdkError(err: any): Promise<string> {
  const name = String(err?.name ?? err?.constructor?.name ?? 'Error');
  if (name === 'ResponseError' && err?.response) {
    let text = '';
    try { text = await err.response.clone().text(); } catch { /* body already read */ }
    return `ResponseError: ${err.response.status}${text ? ` ${oneLine(text, 120)}` : ''}`;
  }
  if (name === 'FetchError') {
    const cause = err?.cause;
    return `FetchError: ${cause ? `${cause.name ?? 'Error'}: ${oneLine(String(cause.message ?? cause))}` : oneLine(String(err?.message))}`;
  }
  if (name === 'RequiredError') return `RequiredError: ${oneLine(String(err?.message))}`;
  if (err instanceof SyntaxError) return `SyntaxError (the SDK parsing the answer as JSON): ${oneLine(err.message)}`;
  if (err instanceof TypeError) return `TypeError (the SDK's FromJSON reading the answer): ${oneLine(err.message)}`;
  return `${name}: ${oneLine(String(err?.message ?? err))}`;
}

/** The content check of an asset answer against what was sent. */
export function contentOf(asset: any, sent: string): { content: ContentCheck; note: string } {
  const raw = asset?.original?.reference?.fragment?.string?.raw;
  if (typeof raw !== 'string') return { content: 'absent', note: 'original.reference.fragment.string.raw is not in the answer' };
  if (raw === sent) return { content: 'survives', note: 'content survives (original.reference.fragment.string.raw as sent)' };
  let i = 0;
  while (i < raw.length && i < sent.length && raw[i] === sent[i]) i++;
  return {
    content: 'changed',
    note: `content changed: original.reference.fragment.string.raw differs from what was sent at character ${i} (sent ${JSON.stringify(sent.slice(i, i + 12))}, got ${JSON.stringify(raw.slice(i, i + 12))}; ${sent.length} vs ${raw.length} characters)`,
  };
}

/** Runs the smoke run against one target; never throws for what the target or the SDK did. */
export async function runSdkSmoke(opts: SdkSmokeOptions): Promise<SdkSmokeResult> {
  const t0 = Date.now();
  const startedAt = new Date(t0).toISOString();
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const { sdk, version, name } = opts.loaded;
  const nonce = opts.nonce ?? randomBytes(3).toString('hex');
  const marker = `pieces-conformance:sdk-${version}:${nonce}`;
  const calls: SdkCall[] = [];
  const leftovers: string[] = [];
  let current: SdkCall | undefined;

  // Every HTTP request of the SDK goes through here: recorded on the current call, with a timeout.
  const fetchApi = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const u = new URL(url);
    const http: SdkHttp = {
      method: String(init.method ?? 'GET').toUpperCase(),
      path: `${basePath && u.pathname.startsWith(basePath) ? u.pathname.slice(basePath.length) : u.pathname}${u.search}`,
      durationMs: 0,
    };
    current?.http.push(http);
    const started = performance.now();
    let request: Request;
    try {
      request = new Request(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
    } catch (err: any) {
      http.notSent = true;
      http.error = `${err?.name ?? 'Error'}: ${oneLine(String(err?.message ?? err))}`;
      throw err;
    }
    try {
      const res = await fetch(request);
      http.status = res.status;
      http.contentType = res.headers.get('content-type') ?? undefined;
      try { http.body = oneLine(await res.clone().text(), 200); } catch { /* streamed or aborted */ }
      return res;
    } catch (err: any) {
      http.error = `${err?.name ?? 'Error'}: ${oneLine(String(err?.message ?? err))}${err?.cause?.message ? ` (${oneLine(String(err.cause.message))})` : ''}`;
      throw err;
    } finally {
      http.durationMs = Math.round((performance.now() - started) * 10) / 10;
    }
  };
  const config = new sdk.Configuration({ basePath: baseUrl, fetchApi });
  const api = (cls: string): any => {
    const C = (sdk as SdkModule)[cls];
    if (typeof C !== 'function') throw new TypeError(`the SDK has no ${cls}`);
    return new C(config);
  };

  /** Runs one step; `check` may add a note, a content check or a shape problem from the answer. */
  async function step<T>(
    stepName: string, method: string, http: [string, string], run: () => Promise<T>,
    check?: (value: T) => Partial<Pick<SdkCall, 'note' | 'content' | 'shapeProblem'>>, extra: Partial<SdkCall> = {},
  ): Promise<T | undefined> {
    const call: SdkCall = { step: stepName, method, key: operationKey(http[0], http[1]), outcome: 'ok', http: [], durationMs: 0, ...extra };
    calls.push(call);
    current = call;
    const s = performance.now();
    try {
      const value = await run();
      if (check) {
        try {
          Object.assign(call, check(value));
        } catch (err: any) {
          call.shapeProblem = `the answer could not be read: ${await describeSdkError(err)}`;
        }
      }
      return value;
    } catch (err) {
      call.outcome = 'failed';
      call.error = await describeSdkError(err);
      if (call.http.length === 0) call.error += ' (no request was made)';
      else if (call.http.every((h) => h.notSent)) call.error += ' (fetch refused the request the SDK built: nothing reached the target)';
      return undefined;
    } finally {
      call.durationMs = Math.round((performance.now() - s) * 10) / 10;
      current = undefined;
    }
  }
  function skip(stepName: string, method: string, http: [string, string], why: string): void {
    calls.push({ step: stepName, method, key: operationKey(http[0], http[1]), outcome: 'skipped', error: why, http: [], durationMs: 0 });
  }
  const writes = !opts.readonly;
  const noWrite = 'read-only run: no writes';

  // Well known.
  await step('health', 'WellKnownApi.getWellKnownHealth', ['GET', '/.well-known/health'], () => api('WellKnownApi').getWellKnownHealth(),
    (v: unknown) => (typeof v === 'string' && /^ok/i.test(v) ? { note: `answered ${JSON.stringify(oneLine(v, 40))}` }
      : { shapeProblem: `the health text does not start with "ok": ${JSON.stringify(typeof v === 'string' ? oneLine(v, 40) : v)}` }));
  await step('version', 'WellKnownApi.getWellKnownVersion', ['GET', '/.well-known/version'], () => api('WellKnownApi').getWellKnownVersion(),
    (v: unknown) => (typeof v === 'string' && /^\d+\.\d+\.\d+/.test(v) ? { note: `version ${oneLine(v, 40)}` }
      : { shapeProblem: `the version is not a semantic version: ${JSON.stringify(typeof v === 'string' ? oneLine(v, 40) : v)}` }));

  // The application: /connect as integrations do, then the applications API.
  const tracked = { name: 'OPEN_SOURCE', platform: 'LINUX', version: marker };
  let application: any;
  if (writes) {
    const context = await step('connect', 'ConnectorApi.connect', ['POST', '/connect'],
      () => api('ConnectorApi').connect({ seededConnectorConnection: { application: tracked } }),
      (c: any) => (c?.application?.id ? { note: `application ${c.application.id}` } : { shapeProblem: 'context.application.id is missing' }));
    application = context?.application?.id ? context.application : undefined;
    if (application) leftovers.push(`application ${application.id} (${application.name ?? 'OPEN_SOURCE'}, version ${marker}): the API has no delete for applications; the version carries the marker`);
  } else skip('connect', 'ConnectorApi.connect', ['POST', '/connect'], noWrite);
  const apps = await step('applicationsSnapshot', 'ApplicationsApi.applicationsSnapshot', ['GET', '/applications'],
    () => api('ApplicationsApi').applicationsSnapshot(),
    (a: any) => (Array.isArray(a?.iterable) ? { note: `${a.iterable.length} applications` } : { shapeProblem: 'iterable is missing' }));
  application ??= apps?.iterable?.find?.((a: any) => a?.version === marker) ?? undefined;
  if (writes) {
    const app = application ?? { id: marker, ...tracked, onboarded: false, privacy: 'OPEN' };
    await step('registerApplication', 'ApplicationsApi.applicationsRegister', ['POST', '/applications/register'],
      () => api('ApplicationsApi').applicationsRegister({ application: app }),
      (a: any) => (a?.id ? { note: `registered ${a.id}${application ? ' (the connected application again)' : ''}` } : { shapeProblem: 'the answer has no id' }));
    const session = await step('openSession', 'ApplicationsApi.applicationsSessionOpen', ['POST', '/applications/session/open'],
      () => api('ApplicationsApi').applicationsSessionOpen(),
      (s: any) => (s?.id ? { note: `session ${s.id}` } : { shapeProblem: 'the session has no id' }));
    if (session?.id) {
      const closed = await step('closeSession', 'ApplicationsApi.applicationsSessionClose', ['POST', '/applications/session/close'],
        () => api('ApplicationsApi').applicationsSessionClose({ body: session.id }),
        (s: any) => (s?.id === session.id ? { note: 'closed the session it opened' } : { shapeProblem: `closed ${s?.id}, not ${session.id}` }));
      if (!closed) leftovers.push(`session ${session.id} (close failed)`);
    } else skip('closeSession', 'ApplicationsApi.applicationsSessionClose', ['POST', '/applications/session/close'], 'no session (openSession failed)');
  } else {
    for (const [s, m, h] of [['registerApplication', 'ApplicationsApi.applicationsRegister', ['POST', '/applications/register']],
      ['openSession', 'ApplicationsApi.applicationsSessionOpen', ['POST', '/applications/session/open']],
      ['closeSession', 'ApplicationsApi.applicationsSessionClose', ['POST', '/applications/session/close']]] as const) skip(s, m, [...h], noWrite);
  }

  // Assets: create, list, get, update (name), search; delete comes after QGPT, which uses the asset.
  const word = token();
  const content = smokeContent(word);
  const app = application ?? { id: marker, ...tracked, onboarded: false, privacy: 'OPEN' };
  let asset: any;
  if (writes) {
    asset = await step('createAsset', 'AssetsApi.assetsCreateNewAsset', ['POST', '/assets/create'],
      () => api('AssetsApi').assetsCreateNewAsset({
        seed: { type: 'SEEDED_ASSET', asset: { application: app, format: { fragment: { string: { raw: content } } }, metadata: { name: `${marker}:asset` } } },
      }),
      (a: any) => {
        const c = contentOf(a, content);
        if (a?.id == null) return { ...c, shapeProblem: 'the asset has no id' };
        return typeof a.id === 'string' ? c : { ...c, shapeProblem: `the asset id is not a string: ${JSON.stringify(a.id)}` };
      });
  } else skip('createAsset', 'AssetsApi.assetsCreateNewAsset', ['POST', '/assets/create'], noWrite);
  // An id of the wrong type is reported on createAsset; the later steps still use it (and delete the asset).
  const assetId: string | undefined = asset?.id != null && asset.id !== '' ? String(asset.id) : undefined;
  const noAsset = writes ? 'no asset id (createAsset failed or answered none)' : noWrite;
  await step('assetsSnapshot', 'AssetsApi.assetsSnapshot', ['GET', '/assets'], () => api('AssetsApi').assetsSnapshot({}),
    (a: any) => (Array.isArray(a?.iterable)
      ? { note: `${a.iterable.length} assets${assetId ? (a.iterable.some((x: any) => String(x?.id) === assetId) ? ', the created one among them' : ', the created one missing') : ''}` }
      : { shapeProblem: 'iterable is missing' }));
  let fetched: any;
  if (assetId) {
    fetched = await step('getAsset', 'AssetApi.assetSnapshot', ['GET', '/asset/{asset}'], () => api('AssetApi').assetSnapshot({ asset: assetId, transferables: true }),
      (a: any) => (String(a?.id) === assetId ? contentOf(a, content) : { shapeProblem: `answered asset ${a?.id}, not ${assetId}` }));
    const renamed = `${marker}:renamed`;
    await step('updateAsset', 'AssetApi.assetUpdate', ['POST', '/asset/update'],
      () => api('AssetApi').assetUpdate({ asset: { ...(fetched ?? asset), name: renamed }, transferables: true }),
      (a: any) => {
        const c = contentOf(a, content);
        if (a?.name !== renamed) return { ...c, shapeProblem: `the name is ${JSON.stringify(a?.name)}, not the new name` };
        return { ...c, note: `renamed; ${c.note}` };
      });
  } else {
    skip('getAsset', 'AssetApi.assetSnapshot', ['GET', '/asset/{asset}'], noAsset);
    skip('updateAsset', 'AssetApi.assetUpdate', ['POST', '/asset/update'], noAsset);
  }
  await step('searchAssets', 'AssetsApi.assetsSearchWithFilters', ['POST', '/assets/search'],
    () => api('AssetsApi').assetsSearchWithFilters({ assetsSearchWithFiltersInput: { query: word } }),
    (out: any) => {
      const list = out?.results?.iterable;
      if (!Array.isArray(list)) return { shapeProblem: 'results.iterable is missing: the answer lacks the {results} envelope the SDK reads (AssetsSearchWithFiltersOutput), so the SDK answers results: undefined' };
      const found = assetId ? list.some((r: any) => String(r?.asset?.id ?? r?.identifier) === assetId) : undefined;
      return { note: `${list.length} results${found === undefined ? '' : found ? ', the created asset among them' : ', the created asset not found'}` };
    });

  // Formats.
  await step('formatsSnapshot', 'FormatsApi.formatsSnapshot', ['GET', '/formats'], () => api('FormatsApi').formatsSnapshot({}),
    (f: any) => (Array.isArray(f?.iterable) ? { note: `${f.iterable.length} formats` } : { shapeProblem: 'iterable is missing' }));
  const formatId: string | undefined = (fetched ?? asset)?.original?.id ?? (fetched ?? asset)?.formats?.iterable?.[0]?.id;
  if (formatId) {
    await step('getFormat', 'FormatApi.formatSnapshot', ['GET', '/format/{format}'], () => api('FormatApi').formatSnapshot({ format: formatId, transferable: true }),
      (f: any) => (f?.id === formatId
        ? { note: f?.fragment?.string?.raw === content ? 'the format holds the content as sent' : 'format answered' }
        : { shapeProblem: `answered format ${f?.id}, not ${formatId}` }));
  } else skip('getFormat', 'FormatApi.formatSnapshot', ['GET', '/format/{format}'], assetId ? 'the asset answer names no format' : noAsset);

  // QGPT over REST, and the SDK's own stream method.
  const relevance = await step('relevance', 'QGPTApi.relevance', ['POST', '/qgpt/relevance'],
    () => api('QGPTApi').relevance({ qGPTRelevanceInput: { query: word, ...(assetId ? { assets: { iterable: [{ id: assetId }] } } : {}), options: { database: true } } }),
    (out: any) => {
      const list = out?.relevant?.iterable;
      if (!Array.isArray(list)) return { shapeProblem: 'relevant.iterable is missing: the answer lacks the {relevant} envelope the SDK reads (QGPTRelevanceOutput), so the SDK answers relevant: undefined' };
      return { note: `${list.length} relevant` };
    });
  const relevant = Array.isArray(relevance?.relevant?.iterable) ? { iterable: relevance.relevant.iterable.slice(0, 3) } : { iterable: [] };
  await step('question', 'QGPTApi.question', ['POST', '/qgpt/question'],
    () => api('QGPTApi').question({ qGPTQuestionInput: { query: `What does ${word} return?`, relevant } }),
    (out: any) => (Array.isArray(out?.answers?.iterable) ? { note: `${out.answers.iterable.length} answers` } : { shapeProblem: 'answers.iterable is missing' }));
  const now = new Date();
  await step('reprompt', 'QGPTApi.reprompt', ['POST', '/qgpt/reprompt'],
    () => api('QGPTApi').reprompt({
      qGPTRepromptInput: {
        query: 'and in JavaScript?',
        conversation: { iterable: [
          { text: 'How do I reverse a list in Python?', role: 'USER', timestamp: { value: now } },
          { text: 'Use list.reverse() or reversed(list).', role: 'ASSISTANT', timestamp: { value: now } },
        ] },
      },
    }),
    (out: any) => (typeof out?.query === 'string' ? { note: 'reprompted' } : { shapeProblem: 'query is missing' }));
  await step('qgptStream', 'QGPTApi.qgptStream', ['GET', '/qgpt/stream'],
    () => api('QGPTApi').qgptStream({ qGPTStreamInput: { question: { query: `What does ${word} return?`, relevant: { iterable: [] } } } }),
    () => ({ note: 'the generated HTTP method answered (clients use a WebSocket instead)' }));

  // Conversations.
  await step('conversationsSnapshot', 'ConversationsApi.conversationsSnapshot', ['GET', '/conversations'], () => api('ConversationsApi').conversationsSnapshot({}),
    (c: any) => (Array.isArray(c?.iterable) ? { note: `${c.iterable.length} conversations` } : { shapeProblem: 'iterable is missing' }));
  let conversationId: string | undefined;
  if (writes) {
    const conv = await step('createConversation', 'ConversationsApi.conversationsCreateSpecificConversation', ['POST', '/conversations/create'],
      () => api('ConversationsApi').conversationsCreateSpecificConversation({ seededConversation: { type: 'COPILOT', name: `${marker}:conversation` } }),
      (c: any) => (c?.id ? { note: `conversation ${c.id}` } : { shapeProblem: 'the conversation has no id' }));
    conversationId = typeof conv?.id === 'string' ? conv.id : undefined;
  } else skip('createConversation', 'ConversationsApi.conversationsCreateSpecificConversation', ['POST', '/conversations/create'], noWrite);
  if (conversationId) {
    const id = conversationId;
    await step('getConversation', 'ConversationApi.conversationGetSpecificConversation', ['GET', '/conversation/{conversation}'],
      () => api('ConversationApi').conversationGetSpecificConversation({ conversation: id }),
      (c: any) => (c?.id === id ? { note: c?.name === `${marker}:conversation` ? 'name as sent' : `name ${JSON.stringify(c?.name)}` } : { shapeProblem: `answered ${c?.id}, not ${id}` }));
    await step('getConversationMessages', 'ConversationApi.conversationSpecificConversationMessages', ['GET', '/conversation/{conversation}/messages'],
      () => api('ConversationApi').conversationSpecificConversationMessages({ conversation: id }),
      (m: any) => (Array.isArray(m?.iterable) ? { note: `${m.iterable.length} messages` } : { shapeProblem: 'iterable is missing' }));
  } else {
    const why = writes ? 'no conversation (createConversation failed)' : noWrite;
    skip('getConversation', 'ConversationApi.conversationGetSpecificConversation', ['GET', '/conversation/{conversation}'], why);
    skip('getConversationMessages', 'ConversationApi.conversationSpecificConversationMessages', ['GET', '/conversation/{conversation}/messages'], why);
  }

  // Models: the snapshot and one model; state changes only when allowed.
  const models = await step('modelsSnapshot', 'ModelsApi.modelsSnapshot', ['GET', '/models'], () => api('ModelsApi').modelsSnapshot(),
    (m: any) => (Array.isArray(m?.iterable) ? { note: `${m.iterable.length} models` } : { shapeProblem: 'iterable is missing' }));
  const list: any[] = Array.isArray(models?.iterable) ? models.iterable : [];
  const someModel = list.find((m) => m && !m.cloud) ?? list[0];
  if (someModel?.id) {
    await step('getModel', 'ModelApi.modelsSpecificModelSnapshot', ['GET', '/model/{model}'], () => api('ModelApi').modelsSpecificModelSnapshot({ model: someModel.id }),
      (m: any) => (m?.id === someModel.id ? { note: `${m.name ?? m.id}` } : { shapeProblem: `answered ${m?.id}, not ${someModel.id}` }));
  } else skip('getModel', 'ModelApi.modelsSpecificModelSnapshot', ['GET', '/model/{model}'], 'no model in the snapshot');
  const modelSteps: Array<[string, string, string]> = [
    ['downloadModel', 'ModelApi.modelSpecificModelDownload', '/model/{model}/download'],
    ['cancelModelDownload', 'ModelApi.modelSpecificModelDownloadCancel', '/model/{model}/download/cancel'],
    ['loadModel', 'ModelApi.modelSpecificModelLoad', '/model/{model}/load'],
    ['unloadModel', 'ModelApi.modelSpecificModelUnload', '/model/{model}/unload'],
  ];
  if (writes && opts.allowDownloads) {
    const fresh = list.find((m) => m && !m.cloud && m.downloaded === false && !m.downloading);
    if (fresh?.id) {
      await step('downloadModel', modelSteps[0][1], ['POST', modelSteps[0][2]], () => api('ModelApi').modelSpecificModelDownload({ model: fresh.id }),
        (m: any) => (m?.id === fresh.id ? { note: `download of ${fresh.name ?? fresh.id} started` } : { shapeProblem: `answered ${m?.id}` }));
      const cancelled = await step('cancelModelDownload', modelSteps[1][1], ['POST', modelSteps[1][2]], () => api('ModelApi').modelSpecificModelDownloadCancel({ model: fresh.id }),
        (m: any) => (m?.id === fresh.id ? { note: 'download cancelled' } : { shapeProblem: `answered ${m?.id}` }));
      if (!cancelled) leftovers.push(`model ${fresh.id} (download may still be running: cancel failed)`);
    } else {
      skip('downloadModel', modelSteps[0][1], ['POST', modelSteps[0][2]], 'no local model left to download');
      skip('cancelModelDownload', modelSteps[1][1], ['POST', modelSteps[1][2]], 'no download started');
    }
    const ready = list.find((m) => m && !m.cloud && m.downloaded === true && m.loaded !== true);
    if (ready?.id) {
      const loaded = await step('loadModel', modelSteps[2][1], ['POST', modelSteps[2][2]], () => api('ModelApi').modelSpecificModelLoad({ model: ready.id }),
        (m: any) => (m?.id === ready.id ? { note: `loaded ${ready.name ?? ready.id}` } : { shapeProblem: `answered ${m?.id}` }));
      const unloaded = await step('unloadModel', modelSteps[3][1], ['POST', modelSteps[3][2]], () => api('ModelApi').modelSpecificModelUnload({ model: ready.id }),
        (m: any) => (m?.id === ready.id ? { note: 'unloaded again' } : { shapeProblem: `answered ${m?.id}` }));
      if (loaded && !unloaded) leftovers.push(`model ${ready.id} (left loaded: unload failed)`);
    } else {
      skip('loadModel', modelSteps[2][1], ['POST', modelSteps[2][2]], 'no downloaded, unloaded local model');
      skip('unloadModel', modelSteps[3][1], ['POST', modelSteps[3][2]], 'no model loaded by the run');
    }
  } else {
    const why = writes ? 'model downloads, loads and unloads need --allow-downloads on a live target' : noWrite;
    for (const [s, m, p] of modelSteps) skip(s, m, ['POST', p], why);
  }

  // User.
  await step('user', 'UserApi.userSnapshot', ['GET', '/user'], () => api('UserApi').userSnapshot(),
    (u: any) => (u && typeof u === 'object' ? { note: u.user ? 'a user is signed in' : 'nobody signed in (user absent)' } : { shapeProblem: 'the answer is not an object' }));

  // Delete what was made: the asset (a step), then the conversation (cleanup: not one of the 28 operations).
  if (assetId) {
    const deleted = await step('deleteAsset', 'AssetsApi.assetsDeleteAsset', ['POST', '/assets/{asset}/delete'],
      () => api('AssetsApi').assetsDeleteAsset({ asset: assetId }),
      (v: unknown) => (typeof v === 'string' && v.trim().replace(/^"|"$/g, '') === assetId ? { note: 'answered the deleted id' } : { note: `answered ${JSON.stringify(typeof v === 'string' ? oneLine(v, 60) : v)}` }));
    if (deleted === undefined) leftovers.push(`asset ${assetId} (${calls[calls.length - 1].error ?? 'delete failed'})`);
  } else skip('deleteAsset', 'AssetsApi.assetsDeleteAsset', ['POST', '/assets/{asset}/delete'], noAsset);
  if (conversationId) {
    const id = conversationId;
    const ok = await step('deleteConversation', 'ConversationsApi.conversationsDeleteSpecificConversation', ['POST', '/conversations/{conversation}/delete'],
      async () => { await api('ConversationsApi').conversationsDeleteSpecificConversation({ conversation: id }); return true; }, undefined, { cleanup: true });
    if (!ok) leftovers.push(`conversation ${id} (${calls[calls.length - 1].error}; its name carries the marker)`);
  }

  return { sdk: { name, version }, baseUrl, startedAt, durationMs: Date.now() - t0, marker, calls, leftovers };
}
