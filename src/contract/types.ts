/** The operation index's types: one record per operationId, everything a check or client needs. */

/** A JSON Schema object as it appears in an OpenAPI document (loosely typed on purpose). */
export type Schema = Record<string, any>;

/** An OpenAPI parameter after dereferencing. */
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

/** One documented response of an operation: its media types and their schemas. */
export interface ResponseSpec {
  /** `200`, `4XX` or `default`. */
  status: string;
  description?: string;
  /** Media type → schema (undefined when the media type has no schema). An empty map: no body. */
  content: Record<string, Schema | undefined>;
  /** Vendor extensions of the response (e.g. x-pieces-upstream). */
  extensions: Record<string, unknown>;
}

/** One operation of the contract, keyed by operationId. */
export interface Operation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/asset/{asset}`. */
  path: string;
  tags: string[];
  summary?: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, Schema | undefined> };
  responses: Record<string, ResponseSpec>;
  /** A WebSocket upgrade documented as GET (x-websocket, or a documented 101). */
  websocket: boolean;
  /** Not in the seed: a real Pieces OS neighbour operation (x-pieces-neighbour). */
  neighbour: boolean;
  /** Vendor extensions of the operation. */
  extensions: Record<string, unknown>;
  /** JSON pointer of the operation in the document, for messages. */
  pointer: string;
}

/** A loaded contract: the document (internal refs kept), its dereferenced twin and the index. */
export interface LoadedSpec {
  file: string;
  /** `3.0` or `3.1`: picks the JSON Schema dialect. */
  dialect: '3.0' | '3.1';
  title: string;
  version: string;
  /** The bundled document: `$ref`s are internal (`#/components/...`). */
  document: Record<string, any>;
  /** The same document with every `$ref` replaced by its target. */
  dereferenced: Record<string, any>;
  operations: Map<string, Operation>;
}
