import { Grid } from '@mui/material';
import { AutocompleteInput, DateInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';

import { enumChoices } from '../common/fields';

export function DocumentInputs() {
  return (
    <Grid container spacing={2} sx={{ width: '100%', maxWidth: 1000 }}>
      <Grid size={{ xs: 12, sm: 4 }}>
        <SelectInput source="kind" choices={enumChoices('DocumentKind')} validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextInput source="symbol" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <SelectInput source="status" choices={enumChoices('DocumentStatus')} fullWidth />
      </Grid>
      <Grid size={12}>
        <TextInput source="title" validate={required()} multiline fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <ReferenceInput source="issuerId" reference="agencies">
          <AutocompleteInput optionText="name" fullWidth />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, sm: 3 }}>
        <DateInput source="issuedOn" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 3 }}>
        <TextInput source="place" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="signerTitle" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="signerName" fullWidth />
      </Grid>
    </Grid>
  );
}
