// How a field that brings other records is loaded: shared by its field resolver and by prefetch (prefetch.ts).
import type { Loaders } from './context';
import type { Selection } from './lookahead';

/** A value a loader already holds, or the promise of it. */
export type Loaded<V> = V | Promise<V>;

/** A field that brings other records: how to load it for one entity, and the GraphQL type of what it brings. */
export interface Relation<E> {
  type?: string;
  load(entity: E, loaders: Loaders): Loaded<unknown>;
  /**
   * Loads the relation of all `entities` at once, with what `below` (the query's selection of it) needs where one
   * statement can bring both; prefetch calls it before `load`, which then finds the rows loaded.
   */
  preload?(entities: readonly E[], below: Selection, loaders: Loaders): Promise<void> | undefined;
  /**
   * The field's @FieldResolver does more than `load` (the document's clauses prefetch what is asked of them), so it
   * resolves the field; the others resolve straight from `load` (relation-tables.ts).
   */
  ownResolver?: true;
}

export type Relations<E> = Record<string, Relation<E>>;

// Not named `then`: a module exporting `then` is a thenable, and `await import()` of it would call it.
export function whenLoaded<V, R>(value: Loaded<V>, next: (value: V) => Loaded<R>): Loaded<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
