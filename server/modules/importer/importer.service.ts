// Preview and commit of an imported document: the parser's draft, linked to the registry's agencies and documents.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { BadInputError, ConflictError } from '../../errors';
import { Agency } from '../agency/agency.entity';
import { AgencyService } from '../agency/agency.service';
import { auditedNativeDelete } from '../audit/audited-writes';
import { Clause } from '../clause/clause.entity';
import type { ClauseTreeInput } from '../clause/clause.inputs';
import { insertClauseTree, recomputePaths } from '../clause/clause.service';
import { Document, DocumentRelation } from '../document/document.entity';
import { DocumentKind, DocumentStatus } from '../document/document.enums';
import { MAX_ORIGINAL_TEXT } from '../document/document.inputs';
import { DocumentService } from '../document/document.service';
import { Report } from '../report/report.entity';
import { Task } from '../task/task.entity';
import { AssignmentRole, TaskKind } from '../task/task.enums';
import { TaskService } from '../task/task.service';
import { guessAgency, type KnownAgency, localityOf, matchAgencyName, nameKey, type NameMatch } from './agency-names';
import type { DocumentDraft, DraftClause, DraftReference } from './draft';
import { parseDocument } from './parse-document';

export interface CommitOptions {
  /** Replace the clauses, tasks and references of a document already registered with this symbol and issuer. */
  replace?: boolean;
  /** Names of the draft linked by the reviewer to existing agencies (name as written → agency UUID). */
  agencyChoices?: Map<string, string>;
}

export interface AgencyMatchResult extends NameMatch {
  name: string;
}

/** Every body a draft names, once each: issuer, leads, coordinators, reporting channels, recipients, cited issuers. */
export function namesIn(draft: DocumentDraft): string[] {
  const names = [
    draft.issuer?.name,
    ...draft.tasks.flatMap((task) => [...task.leads, ...task.coordinators, task.reportTo, task.reportVia]),
    ...draft.references.map((reference) => reference.issuer),
  ];
  return [...new Set(names.filter((name): name is string => Boolean(name?.trim())).map((name) => name.trim()))];
}

function clauseTree(clauses: DraftClause[]): ClauseTreeInput[] {
  return clauses.map((clause) => ({
    label: clause.label,
    kind: clause.kind,
    heading: clause.heading,
    text: clause.text,
    children: clauseTree(clause.children),
  }));
}

function allPaths(clauses: DraftClause[]): string[] {
  return clauses.flatMap((clause) => [clause.path, ...allPaths(clause.children)]);
}

/** The parser's draft of a whole document's text, which it keeps; refuses an empty or oversized text. */
export function draftOf(text: string): DocumentDraft & { originalText: string } {
  if (!text.trim()) throw new BadInputError('The text is empty: paste the whole document', { argument: 'text' });
  if (text.length > MAX_ORIGINAL_TEXT) {
    throw new BadInputError(`The text is longer than ${MAX_ORIGINAL_TEXT} characters; import the document in parts`, { argument: 'text' });
  }
  return { ...parseDocument(text), originalText: text };
}

/**
 * The registered document a draft would duplicate: same symbol and issuer; for a copy without a symbol (unnumbered,
 * or a text without its header), same issuer, title and date.
 */
function sameDocument(draft: DocumentDraft, issuerUuid: string | null): FilterQuery<Document> {
  if (draft.symbol) return { symbol: draft.symbol, issuer: issuerUuid };
  return { symbol: null, issuer: issuerUuid, title: draft.title?.trim() ?? '', issuedOn: draft.issuedOn ?? null, referenced: false };
}

export class ImporterService {
  constructor(private readonly em: EntityManager) {}

  /** The draft of a text; writes nothing. */
  preview(text: string): DocumentDraft & { originalText: string } {
    return draftOf(text);
  }

  private async knownAgencies(em: EntityManager): Promise<KnownAgency[]> {
    return (await em.find(Agency, {})).map((agency) => ({
      uuid: agency.uuid,
      name: agency.name,
      shortName: agency.shortName,
      aliases: agency.aliases,
      level: agency.level,
    }));
  }

  async matchAgencies(draft: DocumentDraft): Promise<AgencyMatchResult[]> {
    const known = await this.knownAgencies(this.em);
    const locality = localityOf(draft.issuer?.name) ?? localityOf(draft.place ? `tỉnh ${draft.place}` : null);
    return namesIn(draft).map((name) => ({ name, ...matchAgencyName(name, locality, known) }));
  }

  async existingDocument(draft: DocumentDraft): Promise<Document | null> {
    const matches = await this.matchAgencies({ ...draft, tasks: [], references: [] });
    const issuer = matches.find((match) => match.name === draft.issuer?.name.trim())?.agency;
    return this.em.findOne(Document, sameDocument(draft, issuer?.uuid ?? null));
  }

  /** Writes the reviewed draft in one transaction: document, tree, references, tasks, new agencies. */
  async commit(draft: DocumentDraft & { originalText?: string | null }, options: CommitOptions = {}): Promise<Document> {
    if (!draft.kind) throw new BadInputError('The draft has no document kind: choose one before committing', { argument: 'draft.kind' });
    if (!draft.title?.trim())
      throw new BadInputError('The draft has no title (trích yếu): enter it before committing', { argument: 'draft.title' });
    const paths = new Set(allPaths(draft.clauses));
    const strayTask = draft.tasks.find((task) => !paths.has(task.clausePath));
    if (strayTask) {
      throw new BadInputError(`Task "${strayTask.title}" names clause ${strayTask.clausePath}, which the draft's tree does not have`, {
        argument: 'draft.tasks',
      });
    }

    return this.em.transactional(async (em) => {
      const agencies = new AgencyResolver(em, await this.knownAgencies(em), draft, options.agencyChoices);
      const issuer = draft.issuer ? await agencies.resolve(draft.issuer.name) : null;
      if (issuer) agencies.alias(issuer, draft.issuer?.aliases ?? []);
      const document = await this.documentFor(em, draft, issuer, agencies, options.replace ?? false);
      await recomputePaths(em, document.uuid);
      await this.linkReferences(em, document, draft.references, agencies);
      await this.createTasks(em, document, draft, agencies);
      return document;
    });
  }

  /** A new document, or the referenced / replaced one of the same symbol and issuer filled in with the draft. */
  private async documentFor(
    em: EntityManager,
    draft: DocumentDraft & { originalText?: string | null },
    issuer: Agency | null,
    agencies: AgencyResolver,
    replace: boolean,
  ) {
    // Recipient lines link to agencies the registry surely knows; none is created for a line like "Lưu: VT".
    const recipients = draft.recipients.map((recipient) => ({
      name: recipient.name,
      purpose: recipient.purpose,
      agencyId: agencies.known(recipient.name),
    }));
    const fields = {
      kind: draft.kind!,
      symbol: draft.symbol,
      title: draft.title!.trim(),
      issuedOn: draft.issuedOn,
      place: draft.place,
      issuerId: issuer?.uuid ?? null,
      signerName: draft.signer?.name ?? null,
      signerTitle: draft.signer?.title ?? null,
      originalText: draft.originalText ?? null,
      recipients,
    };
    const existing = await em.findOne(Document, sameDocument(draft, issuer?.uuid ?? null));
    if (!existing) {
      return new DocumentService(em).create({ ...fields, status: DocumentStatus.IN_EFFECT, clauses: clauseTree(draft.clauses) });
    }
    if (!existing.referenced) {
      if (!replace) {
        throw new ConflictError(
          `${draft.symbol ?? `"${draft.title}"`} of ${issuer?.name ?? 'this issuer'} is already registered; commit with replace: true to replace its clauses, tasks and references`,
          { documentId: existing.uuid },
        );
      }
      const reports = await em.count(Report, { task: { sourceClause: { document: existing.uuid } } });
      if (reports > 0) {
        throw new ConflictError(`${draft.symbol} cannot be replaced: ${reports} report(s) were filed on its tasks and would be lost`, {
          reports,
        });
      }
      await auditedNativeDelete(em, Task, { sourceClause: { document: existing.uuid } });
      await auditedNativeDelete(em, DocumentRelation, { from: existing.uuid });
      await auditedNativeDelete(em, Clause, { document: existing.uuid });
    }
    // A referenced document (known from a citation) or the one being replaced: same row, so citations keep pointing at it.
    await new DocumentService(em).update({
      id: existing.uuid,
      version: existing.version,
      ...fields,
      status: DocumentStatus.IN_EFFECT,
      referenced: false,
    });
    insertClauseTree(em, existing, clauseTree(draft.clauses));
    return existing;
  }

  private async linkReferences(em: EntityManager, document: Document, references: DraftReference[], agencies: AgencyResolver) {
    const bySymbol = new Map<string, Document>();
    if (document.symbol) bySymbol.set(document.symbol, document);
    const seen = new Set<string>();
    // A chain's links name their citing document by symbol: cited documents are registered before the links.
    for (const reference of references) {
      const cited = await this.citedDocument(em, reference, agencies, bySymbol);
      if (reference.symbol) bySymbol.set(reference.symbol, cited);
    }
    for (const reference of references) {
      const to = reference.symbol ? bySymbol.get(reference.symbol)! : await this.citedDocument(em, reference, agencies, bySymbol);
      const from = reference.citedBySymbol ? (bySymbol.get(reference.citedBySymbol) ?? document) : document;
      const key = `${from.uuid}>${to.uuid}>${reference.relation}`;
      if (from.uuid === to.uuid || seen.has(key)) continue;
      seen.add(key);
      if (await em.findOne(DocumentRelation, { from: from.uuid, to: to.uuid, type: reference.relation })) continue;
      const citingClause =
        from === document && reference.clausePath
          ? await em.findOne(Clause, { document: document.uuid, path: reference.clausePath })
          : null;
      em.create(DocumentRelation, { from, to, type: reference.relation, citingClause, targetClause: null, citationText: reference.text });
    }
    await em.flush();
  }

  /** The registered document a citation names, or a new referenced document holding what the citation says. */
  private async citedDocument(em: EntityManager, reference: DraftReference, agencies: AgencyResolver, bySymbol: Map<string, Document>) {
    if (reference.symbol && bySymbol.has(reference.symbol)) return bySymbol.get(reference.symbol)!;
    if (reference.symbol) {
      const registered = await em.find(Document, { symbol: reference.symbol }, { limit: 2 });
      if (registered.length === 1) return registered[0];
    }
    const issuer = reference.issuer ? await agencies.resolve(reference.issuer) : null;
    if (reference.symbol && issuer) {
      const same = await em.findOne(Document, { symbol: reference.symbol, issuer: issuer.uuid });
      if (same) return same;
    }
    return new DocumentService(em).create({
      kind: reference.kind ?? DocumentKind.OFFICIAL_LETTER,
      symbol: reference.symbol,
      title: reference.text,
      issuedOn: reference.issuedOn,
      issuerId: issuer?.uuid ?? null,
      referenced: true,
    });
  }

  private async createTasks(em: EntityManager, document: Document, draft: DocumentDraft, agencies: AgencyResolver) {
    const taskService = new TaskService(em);
    for (const task of draft.tasks) {
      const clause = await em.findOneOrFail(Clause, { document: document.uuid, path: task.clausePath });
      const assignments = new Map<string, { agencyId: string; role: AssignmentRole; requested: boolean; inherited: boolean }>();
      for (const [names, role] of [
        [task.leads, AssignmentRole.LEAD],
        [task.coordinators, AssignmentRole.COORDINATOR],
      ] as const) {
        for (const name of names) {
          const agency = await agencies.resolve(name);
          if (!assignments.has(agency.uuid)) {
            assignments.set(agency.uuid, { agencyId: agency.uuid, role, requested: task.requested, inherited: task.inherited });
          }
        }
      }
      await taskService.create({
        sourceClauseId: clause.uuid,
        title: task.title,
        description: clause.text || null,
        kind: task.kind,
        recurrence: task.recurrence,
        dueDate: task.due.date,
        duePhrase: task.due.text,
        targets: task.targets,
        assignments: [...assignments.values()],
        // "báo cáo … về UBND tỉnh (qua Công an tỉnh)": the routing the text gives; the schedule is the reviewer's to set.
        reportingDuty:
          task.kind === TaskKind.REPORTING && (task.reportTo || task.reportVia)
            ? {
                reportToId: task.reportTo ? (await agencies.resolve(task.reportTo)).uuid : null,
                reportViaId: task.reportVia ? (await agencies.resolve(task.reportVia)).uuid : null,
              }
            : undefined,
      });
    }
  }
}

/** Names → agencies inside one commit: the reviewer's choices first, then sure matches, then one new agency per name. */
class AgencyResolver {
  private readonly resolved = new Map<string, Agency>();
  private readonly locality: string | null;

  constructor(
    private readonly em: EntityManager,
    private readonly knownAgencies: KnownAgency[],
    draft: DocumentDraft,
    private readonly choices: Map<string, string> = new Map(),
  ) {
    this.locality = localityOf(draft.issuer?.name) ?? localityOf(draft.place ? `tỉnh ${draft.place}` : null);
  }

  /** The UUID of the agency a name surely means, without creating one. */
  known(name: string): string | null {
    return this.resolved.get(name.trim())?.uuid ?? matchAgencyName(name.trim(), this.locality, this.knownAgencies).agency?.uuid ?? null;
  }

  /** Short names the text gives an agency: the rest of the text means it by them, and the registry keeps them. */
  alias(agency: Agency, aliases: string[]): void {
    for (const alias of aliases.map((name) => name.trim()).filter(Boolean)) {
      this.resolved.set(alias, agency);
      if (!agency.aliases.some((known) => nameKey(known) === nameKey(alias))) agency.aliases = [...agency.aliases, alias];
    }
  }

  async resolve(name: string): Promise<Agency> {
    const written = name.trim();
    const cached = this.resolved.get(written);
    if (cached) return cached;
    const chosen = this.choices.get(written);
    const match = chosen ? null : matchAgencyName(written, this.locality, this.knownAgencies);
    const uuid = chosen ?? match?.agency?.uuid;
    let agency = uuid ? await this.em.findOne(Agency, { uuid }) : null;
    if (chosen && !agency) throw new BadInputError(`The agency chosen for "${written}" does not exist`, { argument: 'agencies' });
    if (!agency) {
      const proposedName = match?.proposedName ?? written;
      agency = (await this.em.findOne(Agency, { name: proposedName })) ?? (await this.create(proposedName, written));
    }
    this.resolved.set(written, agency);
    return agency;
  }

  private async create(name: string, written: string): Promise<Agency> {
    const guess = guessAgency(name);
    const agency = await new AgencyService(this.em).create({
      name,
      aliases: written !== name ? [written] : [],
      kind: guess.kind,
      level: guess.level,
      isGroup: guess.isGroup,
    });
    this.knownAgencies.push({ uuid: agency.uuid, name: agency.name, shortName: null, aliases: agency.aliases, level: agency.level });
    return agency;
  }
}
