// What a query selects below the field being resolved, so that a list can load its nodes' relations before it answers.
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** Selected fields by name (aliases and fragments merged), each with what it selects in turn. */
export interface Selection {
  [field: string]: Selection;
}

function mergeInto(selection: Selection, set: SelectionSetNode | undefined, info: GraphQLResolveInfo): void {
  for (const node of set?.selections ?? []) {
    if (node.kind === Kind.FIELD) {
      const below = (selection[node.name.value] ??= {});
      mergeInto(below, node.selectionSet, info);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      mergeInto(selection, node.selectionSet, info);
    } else {
      mergeInto(selection, info.fragments[node.name.value]?.selectionSet, info);
    }
  }
}

/** What the current field selects. @skip and @include are not weighed: at worst a relation is loaded and not shown. */
export function selectionOf(info: GraphQLResolveInfo): Selection {
  const selection: Selection = {};
  for (const node of info.fieldNodes) mergeInto(selection, node.selectionSet, info);
  return selection;
}

/** What a connection field selects of its nodes, through `nodes` and through `edges { node }`. */
export function nodeSelectionOf(info: GraphQLResolveInfo): Selection {
  const connection = selectionOf(info);
  return mergeSelections(connection.nodes, connection.edges?.node);
}

export function mergeSelections(...selections: (Selection | undefined)[]): Selection {
  const merged: Selection = {};
  for (const selection of selections) {
    for (const [field, below] of Object.entries(selection ?? {})) merged[field] = mergeSelections(merged[field], below);
  }
  return merged;
}
