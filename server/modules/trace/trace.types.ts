import { Field, Int, ObjectType } from 'type-graphql';

import { Clause } from '../clause/clause.entity';
import { Document, DocumentRelation } from '../document/document.entity';
import { RelationType } from '../document/document.enums';
import { Task } from '../task/task.entity';

@ObjectType({ description: 'One reference on the way up (or down) a chain of documents' })
export class LineageStep {
  @Field(() => Int, { description: '1 for a reference the starting document makes itself, 2 for the next document up, …' })
  depth!: number;

  @Field(() => RelationType)
  type!: RelationType;

  @Field(() => String, { nullable: true, description: 'The words of the citation as written' })
  citationText?: string | null;

  relation!: DocumentRelation;
}

@ObjectType({ description: 'A task and everything that gives it its legal basis, up to the root document' })
export class TaskTrace {
  @Field(() => Task)
  task!: Task;

  @Field(() => Clause, { description: 'The clause that hands out the task' })
  sourceClause!: Clause;

  @Field(() => [Clause], { description: 'The source clause and its enclosing clauses, outermost first' })
  clauses!: Clause[];

  @Field(() => Document, { description: 'The document of the source clause' })
  document!: Document;

  @Field(() => [LineageStep], { description: 'The IMPLEMENTS / BASED_ON references from the document up to the root, nearest first' })
  lineage!: LineageStep[];

  @Field(() => [Document], { description: 'The documents at the top of the lineage (that implement nothing further)' })
  roots!: Document[];
}

@ObjectType({ description: 'What carries a clause out below it' })
export class ClauseImplementations {
  @Field(() => [Task], { description: 'Tasks whose source is this clause or one of its sub-clauses' })
  tasks!: Task[];

  @Field(() => [DocumentRelation], { description: 'References of lower documents that name this clause' })
  documents!: DocumentRelation[];

  @Field(() => [Task], { description: 'Tasks of lower documents that carry out the tasks of this clause' })
  childTasks!: Task[];

  @Field(() => Boolean, { description: 'False when nothing below carries the clause out: what an auditor looks for' })
  implemented!: boolean;
}
