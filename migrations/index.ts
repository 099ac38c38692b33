// Every migration, in order. MikroORM writes the files; add each new one here (a test fails when one is missing).
import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261123084109 } from './Migration20261123084109';
import { Migration20261123091408 } from './Migration20261123091408';
import { Migration20261123121558 } from './Migration20261123121558';
import { Migration20261123122115 } from './Migration20261123122115';
import { Migration20261123131452 } from './Migration20261123131452';
import { Migration20261123160000 } from './Migration20261123160000';
import { Migration20261123170000 } from './Migration20261123170000';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123084109', class: Migration20261123084109 },
  { name: 'Migration20261123091408', class: Migration20261123091408 },
  { name: 'Migration20261123121558', class: Migration20261123121558 },
  { name: 'Migration20261123122115', class: Migration20261123122115 },
  { name: 'Migration20261123131452', class: Migration20261123131452 },
  { name: 'Migration20261123160000', class: Migration20261123160000 },
  { name: 'Migration20261123170000', class: Migration20261123170000 },
];
