import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../../graphql/context';
import { refUuid } from '../../graphql/dataloader';
import { PointInTimeService } from '../audit/point-in-time';
import { Clause } from '../clause/clause.entity';
import { CLAUSE_RELATIONS } from '../clause/clause.relations';
import { Document } from '../document/document.entity';
import { Task } from '../task/task.entity';
import { TraceService } from './trace.service';
import { ClauseImplementations, LineageStep, TaskTrace } from './trace.types';

@Resolver(() => Task)
export class TaskTraceResolver {
  @FieldResolver(() => TaskTrace, { description: 'The chain task → clause → enclosing clauses → document → every document above it' })
  trace(
    @Root() task: Task,
    @Arg('at', () => DateTimeResolver, {
      nullable: true,
      description:
        'The task and its clauses as they stood at this moment, rebuilt from the audit trail (the document and lineage are current); BAD_USER_INPUT if the task did not exist yet',
    })
    at: Date | undefined,
    @Ctx() { em, loaders }: Context,
  ) {
    return at ? new PointInTimeService(em, loaders).traceTaskAt(task, at) : new TraceService(loaders).traceTask(task);
  }
}

@Resolver(() => Document)
export class DocumentLineageResolver {
  @FieldResolver(() => [LineageStep], { description: 'Up the IMPLEMENTS / BASED_ON chain to the root, nearest first' })
  lineage(@Root() document: Document, @Ctx() { loaders }: Context) {
    return new TraceService(loaders).lineage(document.uuid, 'up');
  }

  @FieldResolver(() => [LineageStep], { description: 'Down: the documents that implement this one, and theirs, nearest first' })
  implementedBy(@Root() document: Document, @Ctx() { loaders }: Context) {
    return new TraceService(loaders).lineage(document.uuid, 'down');
  }
}

@Resolver(() => Clause)
export class ClauseImplementationResolver {
  @FieldResolver(() => [Task], { description: 'Tasks this clause hands out directly' })
  tasks(@Root() clause: Clause, @Ctx() { loaders }: Context) {
    return CLAUSE_RELATIONS.tasks.load(clause, loaders);
  }

  @FieldResolver(() => ClauseImplementations, { description: 'What carries the clause out: tasks, lower documents, their tasks' })
  implementations(@Root() clause: Clause, @Ctx() { loaders }: Context) {
    return new TraceService(loaders).implementations(clause);
  }
}

@Resolver(() => LineageStep)
export class LineageStepResolver {
  @FieldResolver(() => Document, { description: 'The citing (lower) document' })
  from(@Root() step: LineageStep, @Ctx() { loaders }: Context) {
    return loaders.document.byUuid.load(step.relation.from.uuid);
  }

  @FieldResolver(() => Document, { description: 'The cited (higher) document' })
  to(@Root() step: LineageStep, @Ctx() { loaders }: Context) {
    return loaders.document.byUuid.load(step.relation.to.uuid);
  }

  @FieldResolver(() => Clause, { nullable: true, description: 'Where in the citing document the reference stands, with its text' })
  citingClause(@Root() step: LineageStep, @Ctx() { loaders }: Context) {
    const uuid = refUuid(step.relation.citingClause);
    return uuid ? loaders.clause.byUuid.load(uuid) : null;
  }

  @FieldResolver(() => Clause, { nullable: true })
  targetClause(@Root() step: LineageStep, @Ctx() { loaders }: Context) {
    const uuid = refUuid(step.relation.targetClause);
    return uuid ? loaders.clause.byUuid.load(uuid) : null;
  }
}
