import { Grid, Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  BooleanInput,
  DateInput,
  NumberInput,
  ReferenceArrayInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';

import { enumChoices } from '../common/fields';
import { SourceClausePicker } from './SourceClausePicker';

export function TaskInputs() {
  const translate = useTranslate();
  return (
    <Grid container spacing={2} sx={{ width: '100%', maxWidth: 1100 }}>
      <Grid size={12}>
        <SourceClausePicker />
      </Grid>
      <Grid size={12}>
        <TextInput source="title" validate={required()} multiline fullWidth />
      </Grid>
      <Grid size={12}>
        <TextInput source="description" multiline fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceArrayInput source="leadIds" reference="agencies" perPage={50}>
          <AutocompleteArrayInput optionText="name" label={translate('app.task.leads')} fullWidth />
        </ReferenceArrayInput>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceArrayInput source="coordinatorIds" reference="agencies" perPage={50}>
          <AutocompleteArrayInput optionText="name" label={translate('app.task.coordinators')} fullWidth />
        </ReferenceArrayInput>
      </Grid>
      <Grid size={12}>
        <BooleanInput source="requested" />
      </Grid>
      <Grid size={{ xs: 12, sm: 3 }}>
        <DateInput source="dueDate" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 5 }}>
        <TextInput source="duePhrase" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <SelectInput source="recurrence" choices={enumChoices('Recurrence')} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <SelectInput source="kind" choices={enumChoices('TaskKind')} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <SelectInput source="progressStatus" choices={enumChoices('ProgressStatus')} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <DateInput source="completedOn" fullWidth />
      </Grid>
      <Grid size={12}>
        <Typography variant="subtitle2">{translate('resources.tasks.fields.targets')}</Typography>
        <ArrayInput source="targets" label={false}>
          <SimpleFormIterator inline>
            <TextInput source="text" validate={required()} sx={{ minWidth: 320 }} />
            <SelectInput source="comparator" choices={enumChoices('TargetComparator')} />
            <NumberInput source="value" sx={{ width: 120 }} />
            <TextInput source="unit" sx={{ width: 100 }} />
          </SimpleFormIterator>
        </ArrayInput>
      </Grid>
    </Grid>
  );
}
