import { mediaTypeAdded } from './rules/media-type-added.js';
import { mediaTypeRemoved } from './rules/media-type-removed.js';
import { operationAdded } from './rules/operation-added.js';
import { operationDeprecated } from './rules/operation-deprecated.js';
import { operationMoved } from './rules/operation-moved.js';
import { operationRemoved } from './rules/operation-removed.js';
import { parameterAddedRequired } from './rules/parameter-added-required.js';
import { parameterAdded } from './rules/parameter-added.js';
import { parameterNewlyRequired } from './rules/parameter-newly-required.js';
import { parameterRemoved } from './rules/parameter-removed.js';
import { parameterTypeChanged } from './rules/parameter-type-changed.js';
import { requestBodyNewlyRequired } from './rules/request-body-newly-required.js';
import { requestAlternativesNarrowed } from './rules/request-alternatives-narrowed.js';
import { requestConstraintTightened } from './rules/request-constraint-tightened.js';
import { requestEnumNarrowed } from './rules/request-enum-narrowed.js';
import { requestPropertyAdded } from './rules/request-property-added.js';
import { requestPropertyNewlyRequired } from './rules/request-property-newly-required.js';
import { requestPropertyNoLongerNullable } from './rules/request-property-no-longer-nullable.js';
import { requestPropertyRemoved } from './rules/request-property-removed.js';
import { requestPropertyTypeChanged } from './rules/request-property-type-changed.js';
import { responseAlternativesWidened } from './rules/response-alternatives-widened.js';
import { responseConstraintLoosened } from './rules/response-constraint-loosened.js';
import { responseEnumWidened } from './rules/response-enum-widened.js';
import { responsePropertyAdded } from './rules/response-property-added.js';
import { responsePropertyBecameNullable } from './rules/response-property-became-nullable.js';
import { responsePropertyNoLongerRequired } from './rules/response-property-no-longer-required.js';
import { responsePropertyRemoved } from './rules/response-property-removed.js';
import { responsePropertyTypeChanged } from './rules/response-property-type-changed.js';
import { statusAdded } from './rules/status-added.js';
import { statusRemoved } from './rules/status-removed.js';
import type { CompatRule } from './types.js';

/** An ordered set of compatibility rules with unique names. */
export class RuleRegistry {
  readonly #rules = new Map<string, CompatRule>();

  /** Adds a rule; refuses a name that is already registered. */
  register(rule: CompatRule): this {
    if (this.#rules.has(rule.name)) throw new Error(`A compatibility rule named "${rule.name}" is already registered.`);
    this.#rules.set(rule.name, rule);
    return this;
  }

  /** The rule with this name; throws with the known names if there is none. */
  get(name: string): CompatRule {
    const rule = this.#rules.get(name);
    if (!rule) throw new Error(`Unknown compatibility rule "${name}"; known: ${[...this.#rules.keys()].join(', ')}`);
    return rule;
  }

  /** Every rule, in registration order. */
  all(): CompatRule[] {
    return [...this.#rules.values()];
  }
}

/** The built-in rules, in report order: operations, statuses, media types, parameters, bodies. */
export const BUILTIN_RULES: readonly CompatRule[] = [
  operationRemoved,
  operationMoved,
  operationAdded,
  operationDeprecated,
  statusRemoved,
  statusAdded,
  mediaTypeRemoved,
  mediaTypeAdded,
  parameterAddedRequired,
  parameterNewlyRequired,
  parameterRemoved,
  parameterTypeChanged,
  parameterAdded,
  requestBodyNewlyRequired,
  requestPropertyNewlyRequired,
  requestPropertyTypeChanged,
  requestEnumNarrowed,
  requestConstraintTightened,
  requestAlternativesNarrowed,
  requestPropertyNoLongerNullable,
  requestPropertyRemoved,
  requestPropertyAdded,
  responsePropertyRemoved,
  responsePropertyTypeChanged,
  responsePropertyNoLongerRequired,
  responsePropertyBecameNullable,
  responseEnumWidened,
  responseConstraintLoosened,
  responseAlternativesWidened,
  responsePropertyAdded,
];

/** A registry holding the built-in rules. */
export function defaultRegistry(): RuleRegistry {
  const registry = new RuleRegistry();
  for (const rule of BUILTIN_RULES) registry.register(rule);
  return registry;
}
