import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  List,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  TextField,
  TopToolbar,
  usePermissions,
} from 'react-admin';

import { enumChoices, EnumField, LocalDateField } from '../common/fields';
import { can } from '../providers/auth-provider';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="kind" source="kind" choices={enumChoices('DocumentKind')} alwaysOn sx={{ minWidth: 180 }} />,
  <ReferenceInput key="issuer" source="issuerId" reference="agencies" alwaysOn>
    <AutocompleteInput optionText="name" sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <NumberInput key="year" source="year" alwaysOn sx={{ width: 130 }} />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('DocumentStatus')} sx={{ minWidth: 180 }} />,
  <NullableBooleanInput key="referenced" source="referenced" />,
];

function DocumentListActions() {
  const { permissions: role } = usePermissions();
  return (
    <TopToolbar>
      <FilterButton />
      {can.edit(role) ? <CreateButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
}

export function DocumentList() {
  return (
    <List filters={filters} actions={<DocumentListActions />} sort={{ field: 'issuedOn', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="symbol" />
        <EnumField source="kind" enumName="DocumentKind" sortable={false} />
        <TextField source="title" sx={{ display: 'block', maxWidth: 560 }} />
        <TextField source="issuer.name" sortable={false} label="resources.documents.fields.issuer" />
        <LocalDateField source="issuedOn" />
        <EnumField source="status" enumName="DocumentStatus" sortable={false} />
      </Datagrid>
    </List>
  );
}
