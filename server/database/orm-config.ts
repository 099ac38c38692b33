import { join } from 'node:path';

import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';

import { migrationsList } from '../../migrations';
import { AuditSubscriber } from '../modules/audit/audit.subscriber';
import { ENTITIES } from './entities';

const migrationsDir = join(__dirname, '..', '..', 'migrations');

export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    // Every create, update and delete flushed through the ORM leaves an audit event in the same transaction.
    subscribers: [new AuditSubscriber()],
    forceUtcTimezone: true,
    // Relations are loaded through per-request DataLoaders; nothing is fetched behind the resolver's back.
    populateWhere: 'infer',
    // Batched UPDATEs do not hand the new versions back to entities whose primary key property is not named
    // like its column (uuid → id), so a second flush in the same transaction would fail its own version check.
    useBatchUpdates: false,
    pool: { min: 0, max: 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: migrationsDir,
      pathTs: migrationsDir,
      // The list is explicit so compiled code, ts runners and vitest load migrations the same way.
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
    ...overrides,
  });
}
