/** A named registry that refuses duplicate names (schemathesis `core/registries.py`). */
import { HarnessError } from './errors.js';

/** Items of a registry carry a unique name. */
export interface Named {
  readonly name: string;
}

/** An ordered, name-keyed collection of T; registering a name twice is a harness error. */
export class Registry<T extends Named> {
  private readonly items = new Map<string, T>();

  constructor(private readonly kind: string) {}

  /** Adds item; throws when its name is taken. */
  register(item: T): T {
    if (this.items.has(item.name)) {
      throw new HarnessError('internal', `A ${this.kind} named ${item.name} is already registered`);
    }
    this.items.set(item.name, item);
    return item;
  }

  /** Every item, in registration order. */
  all(): T[] {
    return [...this.items.values()];
  }

  /** The item called name, or undefined. */
  get(name: string): T | undefined {
    return this.items.get(name);
  }

  /** The items with these names; an unknown name is a usage error that lists the known ones. */
  byNames(names: readonly string[]): T[] {
    return names.map((n) => {
      const item = this.items.get(n);
      if (!item) {
        throw new HarnessError('usage', `unknown ${this.kind} "${n}"`, `known: ${[...this.items.keys()].join(', ')}`);
      }
      return item;
    });
  }
}
