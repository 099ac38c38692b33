import { registerEnumType } from 'type-graphql';

/** Derived from revokedAt and expiresAt; never stored. */
export enum ApiTokenStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(ApiTokenStatus, { name: 'ApiTokenStatus' });
