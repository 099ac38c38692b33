// The one object a request carries through every resolver: its own entity manager, its own loaders.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

import type { Config } from '../config';
import { createAgencyLoaders } from '../modules/agency/agency.loaders';
import { createClauseLoaders } from '../modules/clause/clause.loaders';
import { createDocumentLoaders } from '../modules/document/document.loaders';
import { createReportLoaders } from '../modules/report/report.loaders';
import { createTaskLoaders } from '../modules/task/task.loaders';
import { createTraceLoaders } from '../modules/trace/trace.loaders';

export function createLoaders(em: EntityManager) {
  return {
    agency: createAgencyLoaders(em),
    document: createDocumentLoaders(em),
    clause: createClauseLoaders(em),
    task: createTaskLoaders(em),
    report: createReportLoaders(em),
    trace: createTraceLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  em: EntityManager;
  loaders: Loaders;
  config: Config;
  /** The calendar day of the request in the registry's time zone; deadline statuses are relative to it. */
  today: string;
}

export function todayIn(timeZone: string, now = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function createContext(orm: MikroORM, config: Config): Context {
  const em = orm.em.fork();
  return { em, loaders: createLoaders(em), config, today: config.today ?? todayIn(config.timeZone) } satisfies Context;
}
