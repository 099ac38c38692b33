import {
  AutocompleteInput,
  Create,
  DateInput,
  Edit,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { useSearchParams } from 'react-router-dom';

import { enumChoices } from '../common/fields';
import { TargetValuesInput } from './TargetValuesInput';

function ReportInputs({ creating }: { creating?: boolean }) {
  return (
    <>
      {creating ? (
        <>
          <ReferenceInput source="taskId" reference="tasks">
            <AutocompleteInput optionText="title" validate={required()} sx={{ minWidth: 500 }} />
          </ReferenceInput>
          <ReferenceInput source="agencyId" reference="agencies">
            <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 400 }} />
          </ReferenceInput>
        </>
      ) : null}
      <SelectInput source="kind" choices={enumChoices('ReportKind')} validate={required()} />
      <DateInput source="periodStart" validate={required()} />
      <DateInput source="periodEnd" validate={required()} />
      <NumberInput source="progress" min={0} max={100} />
      <TextInput source="text" multiline minRows={6} fullWidth />
      <TargetValuesInput />
    </>
  );
}

export function ReportEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <ReportInputs />
      </SimpleForm>
    </Edit>
  );
}

export function ReportCreate() {
  const [search] = useSearchParams();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ kind: 'PERIODIC', taskId: search.get('taskId') }}>
        <ReportInputs creating />
      </SimpleForm>
    </Create>
  );
}
