import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { pgArray } from '../../graphql/dataloader';
import { Agency } from '../agency/agency.entity';
import type { DeadlineSettings } from '../task/deadline';
import { OversightService } from './oversight.service';
import type { DocumentProgress } from './oversight.types';

export function createOversightLoaders(em: EntityManager, calendar: DeadlineSettings) {
  return {
    documentProgress: new DataLoader<string, DocumentProgress>(async (uuids) => {
      const progress = await new OversightService(em, calendar).documentProgress(uuids);
      return uuids.map((uuid) => progress.get(uuid)!);
    }),
    /** The agencies that owe a duty's reports (duty_reporters in SQL), by task. */
    reportersOfTask: new DataLoader<string, Agency[]>(async (uuids) => {
      const rows: { task_id: string; agency_id: string }[] = await em.execute(
        `select t.id as task_id, r.agency_id from task t cross join lateral duty_reporters(t.id, t.reporter_group_id) r
         where t.id = any(?::uuid[])`,
        [pgArray([...uuids])],
      );
      const agencies = await em.find(
        Agency,
        { uuid: { $in: [...new Set(rows.map((row) => row.agency_id))] } },
        { orderBy: { name: 'asc' } },
      );
      return uuids.map((uuid) => {
        const owing = new Set(rows.filter((row) => row.task_id === uuid).map((row) => row.agency_id));
        return agencies.filter((agency) => owing.has(agency.uuid));
      });
    }),
  };
}
