import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  Create,
  Edit,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { useWatch } from 'react-hook-form';

import { enumChoices } from '../common/fields';

function MembersInput() {
  const isGroup = useWatch({ name: 'isGroup' });
  if (!isGroup) return null;
  return (
    <ReferenceArrayInput source="memberIds" reference="agencies" perPage={50}>
      <AutocompleteArrayInput optionText="name" fullWidth />
    </ReferenceArrayInput>
  );
}

function AgencyInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="shortName" />
      <ArrayInput source="aliases">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="" label={false} helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <SelectInput source="kind" choices={enumChoices('AgencyKind')} validate={required()} />
      <SelectInput source="level" choices={enumChoices('AgencyLevel')} validate={required()} />
      <ReferenceInput source="parentId" reference="agencies">
        <AutocompleteInput optionText="name" sx={{ minWidth: 400 }} />
      </ReferenceInput>
      <BooleanInput source="isGroup" />
      <MembersInput />
    </>
  );
}

export function AgencyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm sx={{ maxWidth: 900 }}>
        <AgencyInputs />
      </SimpleForm>
    </Edit>
  );
}

export function AgencyCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ kind: 'DEPARTMENT', level: 'PROVINCE', aliases: [], isGroup: false }} sx={{ maxWidth: 900 }}>
        <AgencyInputs />
      </SimpleForm>
    </Create>
  );
}
