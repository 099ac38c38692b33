// Trace: a task up to the root of its legal basis, and a clause down to what carries it out.
import type { Loaders } from '../../graphql/context';
import { present, refUuid } from '../../graphql/dataloader';
import type { Clause } from '../clause/clause.entity';
import type { Document, DocumentRelation } from '../document/document.entity';
import type { Task } from '../task/task.entity';
import type { ClauseImplementations, LineageStep, TaskTrace } from './trace.types';

export class TraceService {
  constructor(private readonly loaders: Loaders) {}

  /** IMPLEMENTS / BASED_ON references from the document up to the root ('up'), or from below to it ('down'). */
  async lineage(documentUuid: string, direction: 'up' | 'down'): Promise<LineageStep[]> {
    const rows = await (direction === 'up' ? this.loaders.trace.lineageUp : this.loaders.trace.lineageDown).load(documentUuid);
    const relations = await this.loaders.trace.relationByUuid.loadMany(rows.map((row) => row.relationUuid));
    return rows.flatMap((row, index) => {
      const relation = relations[index];
      return present(relation) ? [{ depth: row.depth, type: relation.type, citationText: relation.citationText, relation }] : [];
    });
  }

  async traceTask(task: Task): Promise<TaskTrace> {
    const chainUuids = await this.loaders.clause.chainUuids.load(task.sourceClause.uuid);
    const clauses = (await this.loaders.clause.byUuid.loadMany(chainUuids)).filter(present);
    const sourceClause = clauses[clauses.length - 1];
    const documentUuid = sourceClause.document.uuid;
    const [document, lineage] = await Promise.all([this.loaders.document.byUuid.load(documentUuid), this.lineage(documentUuid, 'up')]);
    return {
      task,
      sourceClause,
      clauses,
      document: document!,
      lineage,
      roots: await this.roots(
        document!,
        lineage.map((step) => step.relation),
      ),
    };
  }

  async implementations(clause: Clause): Promise<ClauseImplementations> {
    const documentClauses = await this.loaders.clause.ofDocument.load(clause.document.uuid);
    const subtree = subtreeOf(clause, documentClauses);
    const [taskGroups, documents] = await Promise.all([
      this.loaders.task.ofClause.loadMany(subtree.map((member) => member.uuid)),
      this.loaders.trace.relationsTargetingClause.load(clause.uuid),
    ]);
    const tasks = taskGroups.filter(present).flat();
    const childTasks = (await this.loaders.task.childTasks.loadMany(tasks.map((task) => task.uuid))).filter(present).flat();
    return { tasks, documents, childTasks, implemented: tasks.length > 0 || documents.length > 0 };
  }

  /** The documents nothing further up is cited from: the tops of the chains. */
  async roots(start: Document, relations: DocumentRelation[]): Promise<Document[]> {
    if (relations.length === 0) return [start];
    const citing = new Set(relations.map((relation) => relation.from.uuid));
    const tops = [...new Set(relations.map((relation) => relation.to.uuid).filter((uuid) => !citing.has(uuid)))];
    return (await this.loaders.document.byUuid.loadMany(tops)).filter(present);
  }
}

function subtreeOf(root: Clause, documentClauses: Clause[]): Clause[] {
  const members = [root];
  for (let index = 0; index < members.length; index++) {
    const parent = members[index];
    members.push(...documentClauses.filter((clause) => refUuid(clause.parent) === parent.uuid));
  }
  return members;
}
