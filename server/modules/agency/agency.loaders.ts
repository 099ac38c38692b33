import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

import { loaderByUuid, pgArray } from '../../graphql/dataloader';
import { Agency } from './agency.entity';

/** Agencies on the other side of agency_group_member, keyed by the UUID on this side. */
function membershipLoader(em: EntityManager, from: 'group_id' | 'member_id', to: 'group_id' | 'member_id') {
  return new DataLoader<string, Agency[]>(async (uuids) => {
    const links: { from_id: string; to_id: string }[] = await em
      .getConnection()
      .execute(`select ${from} as from_id, ${to} as to_id from agency_group_member where ${from} = any(?::uuid[])`, [pgArray(uuids)]);
    const agencies = await em.find(Agency, { uuid: { $in: [...new Set(links.map((link) => link.to_id))] } }, { orderBy: { name: 'asc' } });
    const byUuid = new Map(agencies.map((agency) => [agency.uuid, agency]));
    return uuids.map((uuid) =>
      links
        .filter((link) => link.from_id === uuid)
        .map((link) => byUuid.get(link.to_id))
        .filter((agency): agency is Agency => Boolean(agency))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    );
  });
}

export function createAgencyLoaders(em: EntityManager) {
  return {
    byUuid: loaderByUuid(em, Agency),
    membersOfGroup: membershipLoader(em, 'group_id', 'member_id'),
    groupsOfMember: membershipLoader(em, 'member_id', 'group_id'),
  };
}
