// Relay's node(id): any record by its global ID.
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import { Node } from '../../database/record.entity';
import type { Context } from '../../graphql/context';
import { decodeGlobalId } from '../../graphql/global-id';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any record by its global ID; null when there is none' })
  async node(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Node | null> {
    const decoded = decodeGlobalId(id);
    if (!decoded) return null;
    const loaderFor: Record<string, { load(uuid: string): Promise<unknown> }> = {
      Agency: loaders.agency.byUuid,
      Document: loaders.document.byUuid,
      DocumentRelation: loaders.trace.relationByUuid,
      Clause: loaders.clause.byUuid,
      Task: loaders.task.byUuid,
      Assignment: loaders.task.assignmentByUuid,
      Report: loaders.report.byUuid,
    };
    const loader = loaderFor[decoded.typeName];
    return loader ? ((await loader.load(decoded.uuid)) as Node | null) : null;
  }
}
