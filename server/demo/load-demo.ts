// Fills an empty registry with the hand-entered demo documents, through the same services the API calls.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { EntityManager } from '@mikro-orm/postgresql';

import type { Config } from '../config';
import { Agency } from '../modules/agency/agency.entity';
import { AgencyService } from '../modules/agency/agency.service';
import { Clause } from '../modules/clause/clause.entity';
import { ClauseKind } from '../modules/clause/clause.enums';
import type { ClauseTreeInput } from '../modules/clause/clause.inputs';
import { Document } from '../modules/document/document.entity';
import { DocumentService } from '../modules/document/document.service';
import { draftOf, ImporterService } from '../modules/importer/importer.service';
import { TaskService } from '../modules/task/task.service';
import { dakNongPlan19 } from './dak-nong-19-kh-ubnd';
import type { DemoClause, DemoDataset } from './demo.types';
import { generateDemoReports } from './demo-reports';

export const DEMO_DATASETS: DemoDataset[] = [dakNongPlan19];

function clauseTree(clauses: DemoClause[]): ClauseTreeInput[] {
  return clauses.map((clause) => ({
    label: clause.label,
    kind: clause.kind,
    heading: clause.heading ?? null,
    text: clause.text,
    children: clauseTree(clause.children ?? []),
  }));
}

/** Loads one dataset in one transaction; agencies that exist by name are reused, so datasets may share them. */
export async function loadDataset(em: EntityManager, dataset: DemoDataset, seedsDir: string): Promise<void> {
  await em.transactional(async (tx) => {
    const agencies = new Map<string, string>();
    const agencyService = new AgencyService(tx);
    for (const agency of dataset.agencies) {
      const existing = await tx.findOne(Agency, { name: agency.name });
      const saved =
        existing ??
        (await agencyService.create({
          name: agency.name,
          shortName: agency.shortName,
          aliases: agency.aliases,
          kind: agency.kind,
          level: agency.level,
          isGroup: agency.isGroup,
        }));
      agencies.set(agency.key, saved.uuid);
    }
    const agencyUuid = (key: string) => {
      const uuid = agencies.get(key);
      if (!uuid) throw new Error(`demo data names an agency key "${key}" it does not define`);
      return uuid;
    };
    for (const agency of dataset.agencies) {
      if (!agency.parentKey && !agency.memberKeys?.length) continue;
      const saved = (await tx.findOne(Agency, { uuid: agencyUuid(agency.key) }))!;
      await agencyService.update({
        id: saved.uuid,
        version: saved.version,
        parentId: agency.parentKey ? agencyUuid(agency.parentKey) : undefined,
        memberIds: agency.memberKeys?.map(agencyUuid),
      });
    }

    const documents = new Map<string, string>();
    const documentService = new DocumentService(tx);
    for (const document of dataset.documents) {
      const clauses = clauseTree(document.clauses ?? []);
      if (document.preamble) clauses.unshift({ label: '', kind: ClauseKind.PARAGRAPH, heading: null, text: document.preamble });
      const saved = await documentService.create({
        kind: document.kind,
        symbol: document.symbol,
        title: document.title,
        issuedOn: document.issuedOn,
        place: document.place,
        issuerId: agencyUuid(document.issuerKey),
        signerName: document.signerName,
        signerTitle: document.signerTitle,
        status: document.status,
        originalText: document.originalTextFile ? await readFile(join(seedsDir, document.originalTextFile), 'utf8') : null,
        recipients: document.recipients?.map((recipient) => ({
          name: recipient.name,
          purpose: recipient.purpose,
          agencyId: recipient.agencyKey ? agencyUuid(recipient.agencyKey) : null,
        })),
        referenced: document.referenced,
        clauses,
      });
      documents.set(document.key, saved.uuid);
    }
    const clauseAt = async (documentKey: string, path: string) => {
      const clause = await tx.findOne(Clause, { document: documents.get(documentKey)!, path });
      if (!clause) throw new Error(`demo data names clause ${path} of ${documentKey}, which the tree does not have`);
      return clause.uuid;
    };

    for (const relation of dataset.relations) {
      await documentService.createRelation({
        fromId: documents.get(relation.fromKey)!,
        toId: documents.get(relation.toKey)!,
        type: relation.type,
        citingClauseId: relation.citingClausePath ? await clauseAt(relation.fromKey, relation.citingClausePath) : null,
        citationText: relation.citationText,
      });
    }

    const taskService = new TaskService(tx);
    for (const task of dataset.tasks) {
      await taskService.create({
        sourceClauseId: await clauseAt(task.documentKey, task.clausePath),
        title: task.title,
        description: task.description,
        kind: task.kind,
        recurrence: task.recurrence,
        dueDate: task.dueDate,
        duePhrase: task.duePhrase,
        targets: task.targets,
        assignments: task.assignments.map((assignment) => ({
          agencyId: agencyUuid(assignment.agencyKey),
          role: assignment.role,
          requested: assignment.requested,
          inherited: assignment.inherited,
        })),
      });
    }
  });
}

/** Seeds that are not entered by hand: the demo imports them through the importer, as an administrator would. */
export const IMPORTED_SEEDS = [
  'gia-lai-kh-2025-quy-dinh-183.txt',
  'thanh-uy-chi-thi-quy-dinh-183.txt',
  'vinh-phuc-kh-chi-thi-39-ttg.txt',
  'tuyen-quang-kh-bcd138-2024.txt',
];

export interface DemoOptions {
  /** Also import the other seed documents (off in the test template, whose fixtures count on the hand-entered plan alone). */
  importSeeds?: boolean;
  /** Then give the duties a calendar and the agencies a year of reports (off in the test template, for the same reason). */
  reports?: { today: string };
  log?: (line: string) => void;
}

/** Loads the demo datasets into an empty registry; says what it loaded, or null when the registry had documents. */
export async function loadDemoData(em: EntityManager, config: Config, options: DemoOptions = {}): Promise<string | null> {
  if ((await em.count(Document, {})) > 0) return null;
  const seedsDir = join(config.projectRoot, 'server', 'demo', 'seeds');
  for (const dataset of DEMO_DATASETS) await loadDataset(em, dataset, seedsDir);
  const loaded = DEMO_DATASETS.flatMap((dataset) => dataset.documents.filter((d) => !d.referenced).map((d) => d.symbol ?? d.title));
  if (options.importSeeds) {
    for (const file of IMPORTED_SEEDS) {
      // One seed the importer cannot take must not keep the registry from starting: say so and go on.
      try {
        const document = await new ImporterService(em.fork()).commit(draftOf(await readFile(join(seedsDir, file), 'utf8')));
        loaded.push(document.symbol ?? file);
      } catch (error) {
        options.log?.(`The importer could not take the demo seed ${file}: ${(error as Error).message}`);
      }
    }
  }
  if (options.reports) {
    const made = await generateDemoReports(em.fork(), options.reports.today, config.timeZone);
    return `${loaded.join(', ')}\nGenerated the demo reports: ${made.reports} reports, ${made.scheduled} duties scheduled, ${made.completed} tasks finished`;
  }
  return loaded.join(', ');
}
