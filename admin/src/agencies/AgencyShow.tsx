import { Chip, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  Datagrid,
  EditButton,
  Labeled,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DeadlineStatusField, EnumField, LocalDateField } from '../common/fields';
import { can } from '../providers/auth-provider';

function AgencyLinks({ source }: { source: 'aliases' | 'members' | 'memberOf' }) {
  const record = useRecordContext<{
    id: string;
    aliases: string[];
    members: { id: string; name: string }[];
    memberOf: { id: string; name: string }[];
  }>();
  const items = source === 'aliases' ? (record?.aliases ?? []).map((alias) => ({ id: alias, name: alias })) : (record?.[source] ?? []);
  if (!items.length) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {items.map((item) => (
        <Chip key={item.id} size="small" label={item.name} />
      ))}
    </Stack>
  );
}

function Actions() {
  const { permissions: role } = usePermissions();
  return <TopToolbar>{can.edit(role) ? <EditButton /> : null}</TopToolbar>;
}

export function AgencyShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="shortName" />
        <Labeled label="resources.agencies.fields.aliases">
          <AgencyLinks source="aliases" />
        </Labeled>
        <EnumField source="kind" enumName="AgencyKind" />
        <EnumField source="level" enumName="AgencyLevel" />
        <TextField source="parent.name" label="resources.agencies.fields.parent" emptyText="—" />
        <BooleanField source="isGroup" />
        <Labeled label="resources.agencies.fields.members">
          <AgencyLinks source="members" />
        </Labeled>
        <Labeled label="resources.agencies.fields.memberOf">
          <AgencyLinks source="memberOf" />
        </Labeled>
        <Labeled label={translate('resources.tasks.name', { smart_count: 2 })} fullWidth>
          <ReferenceManyField reference="tasks" target="agencyId" perPage={10}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="title" />
              <DeadlineStatusField source="deadlineStatus" />
              <LocalDateField source="dueDate" />
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
