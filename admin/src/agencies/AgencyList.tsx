import { Chip, Stack } from '@mui/material';
import {
  BooleanField,
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectArrayInput,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
} from 'react-admin';

import { enumChoices, EnumField } from '../common/fields';
import { can } from '../providers/auth-provider';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="kind" source="kind" choices={enumChoices('AgencyKind')} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectArrayInput key="level" source="level" choices={enumChoices('AgencyLevel')} sx={{ minWidth: 160 }} />,
  <NullableBooleanInput key="isGroup" source="isGroup" />,
];

function Aliases(_: { label?: string }) {
  const record = useRecordContext<{ id: string; aliases: string[] }>();
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {record?.aliases.map((alias) => (
        <Chip key={alias} size="small" variant="outlined" label={alias} />
      ))}
    </Stack>
  );
}

function Actions() {
  const { permissions: role } = usePermissions();
  return (
    <TopToolbar>
      <FilterButton />
      {can.edit(role) ? <CreateButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
}

export function AgencyList() {
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="shortName" sortable={false} />
        <Aliases label="resources.agencies.fields.aliases" />
        <EnumField source="kind" enumName="AgencyKind" sortable={false} />
        <EnumField source="level" enumName="AgencyLevel" sortable={false} />
        <BooleanField source="isGroup" sortable={false} />
        <TextField source="parent.name" label="resources.agencies.fields.parent" sortable={false} />
      </Datagrid>
    </List>
  );
}
