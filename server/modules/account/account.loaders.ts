import type { EntityManager } from '@mikro-orm/postgresql';

import { loaderByUuid } from '../../graphql/dataloader';
import { User } from './account.entity';

export function createAccountLoaders(em: EntityManager) {
  return {
    userByUuid: loaderByUuid(em, User),
  };
}
