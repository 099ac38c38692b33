// Configuration for the MikroORM CLI (migration:create, migration:check): `npm run migration:create`.
import { ormConfig } from './orm-config';

export default ormConfig(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/registry_dev');
