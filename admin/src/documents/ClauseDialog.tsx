// Edit or add one clause: label as printed, level, heading, text.
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

import { enumChoices } from '../common/fields';

export interface ClauseValues {
  label: string;
  kind: string;
  heading: string;
  text: string;
}

export function ClauseDialog({
  title,
  initial,
  onCancel,
  onSave,
  saving,
}: {
  title: string;
  initial: ClauseValues;
  onCancel: () => void;
  onSave: (values: ClauseValues) => void;
  saving: boolean;
}) {
  const translate = useTranslate();
  const [values, setValues] = useState(initial);
  const set = (key: keyof ClauseValues) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="md" aria-labelledby="clause-dialog-title">
      <DialogTitle id="clause-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField
              label={translate('resources.clauses.fields.label')}
              value={values.label}
              onChange={set('label')}
              name="label"
              sx={{ width: 160 }}
            />
            <TextField
              select
              label={translate('resources.clauses.fields.kind')}
              value={values.kind}
              onChange={set('kind')}
              name="kind"
              sx={{ width: 220 }}
            >
              {enumChoices('ClauseKind').map((choice) => (
                <MenuItem key={choice.id} value={choice.id}>
                  {translate(choice.name)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={translate('resources.clauses.fields.heading')}
              value={values.heading}
              onChange={set('heading')}
              name="heading"
              fullWidth
            />
          </Stack>
          <TextField
            label={translate('resources.clauses.fields.text')}
            value={values.text}
            onChange={set('text')}
            name="text"
            multiline
            minRows={4}
            fullWidth
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => onSave(values)} disabled={saving}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
