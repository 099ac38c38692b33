// Relay global IDs: the type name and the row's UUID, base64url-encoded, so node(id) knows where to look.
import { BadInputError } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeGlobalId(typeName: string, uuid: string): string {
  return Buffer.from(`${typeName}:${uuid}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typeName: string; uuid: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 1) return null;
  // In small letters, as PostgreSQL writes a UUID: the loaders match rows to keys by their text, so a UUID in capitals
  // found its row and then lost it (node(id) answered null).
  const uuid = decoded.slice(separator + 1).toLowerCase();
  return UUID.test(uuid) ? { typeName: decoded.slice(0, separator), uuid } : null;
}

/** The UUID behind a global ID of the expected type; `what` names the argument in the error ("documentId"). */
export function uuidOf(globalId: string, typeName: string, what: string): string {
  const decoded = decodeGlobalId(globalId);
  if (!decoded || decoded.typeName !== typeName) {
    const shown = globalId.length > 80 ? `${globalId.slice(0, 80)}…` : globalId;
    throw new BadInputError(`${what} "${shown}" is not the ID of a ${typeName}`, { argument: what });
  }
  return decoded.uuid;
}

/**
 * A copy of `input` whose ID fields (named in `types`, with the type each must be) hold UUIDs instead of
 * global IDs, so services deal only in UUIDs. Lists of IDs are decoded element by element.
 */
export function withUuids<T extends object>(input: T, types: Partial<Record<keyof T & string, string>>): T {
  const copy = { ...input } as Record<string, unknown>;
  for (const [key, typeName] of Object.entries(types) as [string, string][]) {
    const value = copy[key];
    if (typeof value === 'string') copy[key] = uuidOf(value, typeName, key);
    else if (Array.isArray(value)) copy[key] = value.map((item: string) => uuidOf(item, typeName, key));
  }
  return copy as T;
}
