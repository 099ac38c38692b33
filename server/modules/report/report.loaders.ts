import type { EntityManager } from '@mikro-orm/postgresql';

import { loaderByRelation, loaderByUuid } from '../../graphql/dataloader';
import { Report } from './report.entity';

export function createReportLoaders(em: EntityManager) {
  return {
    byUuid: loaderByUuid(em, Report),
    ofTask: loaderByRelation(em, Report, 'task', { periodStart: 'desc' }),
  };
}
