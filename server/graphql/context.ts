// The one object a request carries through every resolver: its own entity manager, its own loaders.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

import type { Config } from '../config';
import { createAccountLoaders } from '../modules/account/account.loaders';
import { type Actor, currentActor } from '../modules/account/actor';
import { scopeEntityManager } from '../modules/account/report-scope';
import { createAgencyLoaders } from '../modules/agency/agency.loaders';
import { createAuditLoaders } from '../modules/audit/audit.loaders';
import { createClauseLoaders } from '../modules/clause/clause.loaders';
import { createDocumentLoaders } from '../modules/document/document.loaders';
import { createOversightLoaders } from '../modules/oversight/oversight.loaders';
import { createReportLoaders } from '../modules/report/report.loaders';
import { type DeadlineSettings } from '../modules/task/deadline';
import { createTaskLoaders } from '../modules/task/task.loaders';
import { createTraceLoaders } from '../modules/trace/trace.loaders';

/**
 * A request's loaders, by module. Each module's are made when the request first reads them: a request reads one or two
 * modules' of ten, and making them all cost a twentieth of a small request's Node CPU (docs/performance.md, change 49).
 * `calendar`: the request's today and the registry's deadline settings, for the derived statuses.
 */
export class Loaders {
  #account?: ReturnType<typeof createAccountLoaders>;
  #agency?: ReturnType<typeof createAgencyLoaders>;
  #document?: ReturnType<typeof createDocumentLoaders>;
  #clause?: ReturnType<typeof createClauseLoaders>;
  #task?: ReturnType<typeof createTaskLoaders>;
  #report?: ReturnType<typeof createReportLoaders>;
  #oversight?: ReturnType<typeof createOversightLoaders>;
  #trace?: ReturnType<typeof createTraceLoaders>;
  #audit?: ReturnType<typeof createAuditLoaders>;

  constructor(
    private readonly em: EntityManager,
    private readonly calendar: DeadlineSettings,
  ) {}

  get account() {
    return (this.#account ??= createAccountLoaders(this.em));
  }

  get agency() {
    return (this.#agency ??= createAgencyLoaders(this.em));
  }

  get document() {
    return (this.#document ??= createDocumentLoaders(this.em));
  }

  get clause() {
    return (this.#clause ??= createClauseLoaders(this.em, this.document.byUuid));
  }

  get task() {
    return (this.#task ??= createTaskLoaders(this.em, this.calendar));
  }

  get report() {
    return (this.#report ??= createReportLoaders(this.em, this.calendar.timeZone));
  }

  get oversight() {
    return (this.#oversight ??= createOversightLoaders(this.em, this.calendar));
  }

  get trace() {
    return (this.#trace ??= createTraceLoaders(this.em, {
      documentByUuid: this.document.byUuid,
      clauseByUuid: this.clause.byUuid,
      taskByUuid: this.task.byUuid,
      chainUuids: this.clause.chainUuids,
    }));
  }

  get audit() {
    return (this.#audit ??= createAuditLoaders(this.em));
  }
}

export interface Context {
  em: EntityManager;
  loaders: Loaders;
  config: Config;
  /** The calendar day of the request in the registry's time zone; deadline statuses are relative to it. */
  today: string;
  /** Who is asking (authenticated by the HTTP layer before execution); null when anonymous. */
  actor: Actor | null;
  /** Adds a Set-Cookie header to the response (the login session). */
  setCookie(cookie: string): void;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string, now = new Date()): string {
  // Made once per time zone: making one took 0.13 ms, a sixth of a small request's CPU (docs/performance.md, change 51).
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** `cookies` collects what setCookie adds, for the HTTP layer to send. */
export function createContext(orm: MikroORM, config: Config, cookies: string[] = []): Context {
  const em = orm.em.fork();
  const actor = currentActor();
  // Before any loader reads: what the actor may not see is not there (a reporter and other agencies' draft reports).
  scopeEntityManager(em, actor);
  const today = config.today ?? todayIn(config.timeZone);
  return {
    em,
    loaders: new Loaders(em, { today, dueSoonDays: config.dueSoonDays, timeZone: config.timeZone }),
    config,
    today,
    actor,
    setCookie: (cookie) => void cookies.push(cookie),
  } satisfies Context;
}
