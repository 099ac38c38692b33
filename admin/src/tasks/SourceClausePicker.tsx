// Choose the document, then the clause from its tree, with the clause's text shown while choosing.
import { Autocomplete, Box, Paper, TextField, Typography } from '@mui/material';
import { useEffect } from 'react';
import { AutocompleteInput, ReferenceInput, required, useInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

import { useEnumLabel } from '../common/fields';
import { useGraphQL } from '../common/use-graphql';

interface ClauseChoice {
  id: string;
  path: string;
  label: string;
  kind: string;
  heading: string | null;
  text: string;
  depth: number;
  citation: string;
}

const CLAUSES = `query($id: ID!) { document(id: $id) { id clauses { id path label kind heading text depth citation } } }`;

const documentOption = (record: { symbol?: string | null; title?: string }) =>
  record.symbol ? `${record.symbol} — ${record.title}` : (record.title ?? '');

export function SourceClausePicker() {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const documentId = useWatch({ name: 'documentId' }) as string | null | undefined;
  const { setValue } = useFormContext();
  const { field, fieldState } = useInput({ source: 'sourceClauseId', validate: required() });
  const clauses = useGraphQL<{ document: { clauses: ClauseChoice[] } | null }>(
    ['clauses-of', documentId],
    CLAUSES,
    { id: documentId },
    { enabled: !!documentId },
  );
  const options = clauses.data?.document?.clauses ?? [];
  const selected = options.find((clause) => clause.id === field.value) ?? null;

  // A clause of another document cannot stay chosen once the document changes.
  useEffect(() => {
    if (clauses.data && field.value && !selected) setValue('sourceClauseId', null, { shouldDirty: true });
  }, [clauses.data, field.value, selected, setValue]);

  return (
    <Box sx={{ width: '100%' }}>
      <ReferenceInput source="documentId" reference="documents" filter={{ referenced: false }}>
        <AutocompleteInput optionText={documentOption} validate={required()} helperText="app.task.pick_document" fullWidth />
      </ReferenceInput>
      <Autocomplete
        options={options}
        value={selected}
        disabled={!documentId}
        onChange={(_, clause) => field.onChange(clause?.id ?? null)}
        getOptionLabel={(clause) => `${clause.path} ${clause.heading ?? ''} ${clause.text}`.slice(0, 140)}
        isOptionEqualToValue={(option, value) => option.id === value.id}
        renderOption={(props, clause) => (
          <li {...props} key={clause.id}>
            <Box sx={{ pl: clause.depth * 2 }}>
              <Typography component="span" sx={{ fontWeight: 700, mr: 1 }}>
                {clause.path}
              </Typography>
              <Typography component="span" variant="body2">
                {clause.heading ? `${clause.heading} ` : ''}
                {clause.text.length > 160 ? `${clause.text.slice(0, 160)}…` : clause.text}
              </Typography>
            </Box>
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            name="sourceClauseId"
            label={translate('resources.tasks.fields.sourceClauseId')}
            error={!!fieldState.error}
            helperText={
              fieldState.error ? translate(fieldState.error.message ?? 'ra.validation.required') : translate('app.task.pick_clause')
            }
          />
        )}
        sx={{ mb: 1 }}
      />
      {selected ? (
        <Paper variant="outlined" sx={{ p: 1.5, mb: 2, bgcolor: '#fbfaf5' }} className="source-clause-text">
          <Typography variant="caption" color="text.secondary">
            {enumLabel('ClauseKind', selected.kind)} · {selected.citation}
          </Typography>
          {selected.heading ? <Typography sx={{ fontWeight: 600 }}>{selected.heading}</Typography> : null}
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {selected.text}
          </Typography>
        </Paper>
      ) : null}
    </Box>
  );
}
