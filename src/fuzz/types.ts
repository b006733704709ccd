/** Types shared by the fuzz arbitraries: schemas, converter options, mutations. */
import type { Arbitrary } from 'fast-check';
import { HarnessError } from '../core/errors.js';

/** A dereferenced OpenAPI 3.0 / JSON Schema object (loosely typed: the converter reads it defensively). */
export type JsonSchema = Record<string, any>;

/** Which side of an exchange a value is for: `request` leaves readOnly out, `response` leaves writeOnly out. */
export type Direction = 'request' | 'response';

/** What a pluggable string source is told about the string it must produce. */
export interface StringContext {
  /** Dotted property path of the string in the generated value (`asset.metadata.name`, `tags[]`). */
  path: string;
  /** Length bounds in code points, as Ajv counts them. */
  minLength?: number;
  maxLength?: number;
}

/** A domain string source: one arbitrary for every plain string, or one chosen per path (undefined: default). */
export type StringSource = Arbitrary<string> | ((ctx: StringContext) => Arbitrary<string> | undefined);

/** Options of `schemaArbitrary`. */
export interface SchemaArbitraryOptions {
  /** `request` leaves readOnly properties out, `response` leaves writeOnly ones out; default: keep both. */
  direction?: Direction;
  /** Path depth from which objects carry only their required properties and arrays only minItems (default 4). */
  maxDepth?: number;
  /** Upper bound of array lengths and map sizes when the schema sets none (default 3). */
  maxArrayLength?: number;
  /** Upper bound, in code points, of unconstrained generated strings (default 24). */
  maxStringLength?: number;
  /** Domain strings for plain string schemas (no enum, const, format or pattern). */
  strings?: StringSource;
  /** Also generate keys not declared in `properties` where `additionalProperties` allows them (default false). */
  extraProperties?: boolean;
  /** Arbitraries used instead of the schema at dotted paths (`''` is the root, `[]` an array item). */
  overrides?: Readonly<Record<string, Arbitrary<unknown>>>;
  /** Dotted paths of optional properties never to generate. */
  omit?: readonly string[];
  /** Schema location used in error messages (default `#`), e.g. `#/components/schemas/Seed`. */
  location?: string;
}

/** A schema no value can satisfy (or one the converter cannot satisfy); names the schema location. */
export class UnsatisfiableSchemaError extends HarnessError {
  constructor(
    /** JSON pointer of the offending schema, relative to the caller's `location`. */
    readonly location: string,
    reason: string,
  ) {
    super(
      'spec',
      `${location}: unsatisfiable schema: ${reason}`,
      'fix the schema or leave that path out with `omit`/`overrides`',
    );
  }
}

/** The ways a valid value is broken by `invalidVariant`. */
export type MutationKind =
  | 'required-dropped'
  | 'type-changed'
  | 'enum-invented'
  | 'const-changed'
  | 'format-broken'
  | 'pattern-broken'
  | 'bound-broken'
  | 'anyOf-unsatisfied'
  | 'additional-property';

/** What was broken: the kind, the JSON pointer of the broken node and a sentence for reports. */
export interface Mutation {
  kind: MutationKind;
  /** JSON pointer into the value (`''` is the root), the same form as Ajv's `instancePath`. */
  path: string;
  description: string;
}

/** An invalid value together with the mutation that made it invalid. */
export interface InvalidVariant {
  value: unknown;
  mutation: Mutation;
}
