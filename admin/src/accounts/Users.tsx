import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  CreateButton,
  Datagrid,
  Edit,
  List,
  minLength,
  PasswordInput,
  ReferenceInput,
  required,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { useWatch } from 'react-hook-form';

import { DateTimeField, enumChoices, EnumField } from '../common/fields';
import { can } from '../providers/auth-provider';

const ROLES = enumChoices('Role').filter((choice) => choice.id !== 'INTEGRATOR');

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="role" source="role" choices={ROLES} alwaysOn sx={{ minWidth: 180 }} />,
];

function Actions() {
  const { permissions: role } = usePermissions();
  return <TopToolbar>{can.manageAccounts(role) ? <CreateButton /> : null}</TopToolbar>;
}

export function UserList() {
  const { permissions: role } = usePermissions();
  return (
    <List filters={filters} actions={<Actions />} perPage={25}>
      <Datagrid rowClick={can.manageAccounts(role) ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="username" sortable={false} />
        <TextField source="displayName" sortable={false} />
        <EnumField source="role" enumName="Role" sortable={false} />
        <TextField source="agency.name" label="resources.users.fields.agency" sortable={false} emptyText="" />
        <BooleanField source="active" sortable={false} />
        <DateTimeField source="lastLoginAt" sortable={false} />
      </Datagrid>
    </List>
  );
}

/** A REPORTER reports for one agency; the other roles have none. */
function AgencyForReporter() {
  const role = useWatch({ name: 'role' });
  if (role !== 'REPORTER') return null;
  return (
    <ReferenceInput source="agencyId" reference="agencies">
      <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 400 }} />
    </ReferenceInput>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ role: 'EDITOR' }}>
        <TextInput source="username" validate={required()} />
        <TextInput source="displayName" />
        <PasswordInput source="password" validate={[required(), minLength(8)]} />
        <SelectInput source="role" choices={ROLES} validate={required()} />
        <AgencyForReporter />
      </SimpleForm>
    </Create>
  );
}

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <TextInput source="username" disabled />
        <TextInput source="displayName" />
        <SelectInput source="role" choices={ROLES} validate={required()} />
        <AgencyForReporter />
        <BooleanInput source="active" />
        <PasswordInput source="password" validate={minLength(8)} />
      </SimpleForm>
    </Edit>
  );
}
