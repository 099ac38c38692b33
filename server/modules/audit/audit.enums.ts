import { registerEnumType } from 'type-graphql';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

/** Who made a change: an Actor's kind, or ANONYMOUS for a request nobody signed. */
export enum AuditActorKind {
  USER = 'USER',
  TOKEN = 'TOKEN',
  SYSTEM = 'SYSTEM',
  ANONYMOUS = 'ANONYMOUS',
}

registerEnumType(AuditAction, { name: 'AuditAction' });
registerEnumType(AuditActorKind, {
  name: 'AuditActorKind',
  description: 'USER, TOKEN (an integrator), SYSTEM (migrations, demo data, the import CLI), ANONYMOUS',
});
