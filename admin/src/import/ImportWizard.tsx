// Paste or choose a file → review and correct the draft in place → commit → the new document.
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  Grid,
  IconButton,
  LinearProgress,
  MenuItem,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { enumChoices, useEnumLabel } from '../common/fields';
import { ClauseDialog } from '../documents/ClauseDialog';
import { graphql } from '../providers/graphql-client';
import { COMMIT, type DraftClause, draftInput, type DraftTask, type Preview, PREVIEW_FILE, PREVIEW_TEXT } from './import-queries';

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Replaces the clause at `path` in a draft tree. */
function replaceClause(clauses: DraftClause[], path: string, change: Partial<DraftClause>): DraftClause[] {
  return clauses.map((clause) =>
    clause.path === path ? { ...clause, ...change } : { ...clause, children: replaceClause(clause.children, path, change) },
  );
}

const splitNames = (value: string) =>
  value
    .split(';')
    .map((name) => name.trim())
    .filter(Boolean);

export function ImportWizard() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [replace, setReplace] = useState(false);
  /** Names the reviewer linked to an existing agency, overriding the importer's choice. */
  const [agencyChoices, setAgencyChoices] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const read = async () => {
    setBusy(true);
    try {
      const data = file
        ? await graphql<{ draft: Preview }>(PREVIEW_FILE, { fileName: file.name, contentBase64: await readAsBase64(file) })
        : await graphql<{ draft: Preview }>(PREVIEW_TEXT, { text });
      setPreview(data.draft);
      setReplace(false);
      setAgencyChoices({});
      setStep(1);
    } catch (error) {
      notify((error as Error).message, { type: 'error', messageArgs: { _: (error as Error).message } });
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const agencies = Object.entries(agencyChoices).map(([name, agencyId]) => ({ name, agencyId }));
      const data = await graphql<{ commitImport: { id: string } }>(COMMIT, { draft: draftInput(preview), replace, agencies });
      setStep(2);
      notify('app.import.committed', { type: 'success' });
      await queryClient.invalidateQueries();
      navigate(`/documents/${encodeURIComponent(data.commitImport.id)}/show`);
    } catch (error) {
      notify((error as Error).message, { type: 'error', messageArgs: { _: (error as Error).message } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ py: 2, minWidth: 0 }}>
      <Title title={translate('app.import.title')} />
      <Stepper activeStep={step} sx={{ mb: 2, maxWidth: 700 }}>
        <Step>
          <StepLabel>{translate('app.import.step_source')}</StepLabel>
        </Step>
        <Step>
          <StepLabel>{translate('app.import.step_review')}</StepLabel>
        </Step>
        <Step>
          <StepLabel>{translate('app.import.step_done')}</StepLabel>
        </Step>
      </Stepper>
      {busy ? <LinearProgress sx={{ mb: 1 }} /> : null}
      {step === 0 ? (
        <Card>
          <CardContent>
            <TextField
              label={translate('app.import.paste')}
              value={text}
              onChange={(event) => setText(event.target.value)}
              multiline
              minRows={14}
              maxRows={30}
              fullWidth
              name="text"
              disabled={!!file}
              slotProps={{ htmlInput: { 'data-testid': 'import-text', style: { fontFamily: 'monospace', fontSize: 13 } } }}
            />
            <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 2 }}>
              <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
                {translate('app.import.choose_file')}
                <input
                  hidden
                  type="file"
                  accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
              </Button>
              {file ? <Chip label={file.name} onDelete={() => setFile(null)} /> : null}
              <Box sx={{ flex: 1 }} />
              <Button variant="contained" onClick={read} disabled={busy || (!file && !text.trim())}>
                {translate('app.import.preview')}
              </Button>
            </Stack>
          </CardContent>
        </Card>
      ) : null}
      {step >= 1 && preview ? (
        <DraftReview
          preview={preview}
          onChange={setPreview}
          replace={replace}
          onReplace={setReplace}
          agencyChoices={agencyChoices}
          onAgencyChoice={(name, agencyId) =>
            setAgencyChoices(({ [name]: _previous, ...others }) => (agencyId ? { ...others, [name]: agencyId } : others))
          }
          busy={busy}
          onBack={() => setStep(0)}
          onCommit={commit}
        />
      ) : null}
    </Box>
  );
}

function DraftReview({
  preview,
  onChange,
  replace,
  onReplace,
  agencyChoices,
  onAgencyChoice,
  busy,
  onBack,
  onCommit,
}: {
  preview: Preview;
  onChange: (preview: Preview) => void;
  replace: boolean;
  onReplace: (replace: boolean) => void;
  agencyChoices: Record<string, string>;
  onAgencyChoice: (name: string, agencyId: string | null) => void;
  busy: boolean;
  onBack: () => void;
  onCommit: () => void;
}) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [editingClause, setEditingClause] = useState<DraftClause | null>(null);
  const set = (change: Partial<Preview>) => onChange({ ...preview, ...change });
  const setTask = (index: number, change: Partial<DraftTask>) =>
    set({ tasks: preview.tasks.map((task, position) => (position === index ? { ...task, ...change } : task)) });

  return (
    <Stack spacing={2} className="import-review" sx={{ minWidth: 0 }}>
      {preview.existingDocument ? (
        <Alert
          severity="warning"
          action={
            <FormControlLabel
              control={<Checkbox checked={replace} onChange={(event) => onReplace(event.target.checked)} name="replace" />}
              label={translate('app.import.replace')}
            />
          }
        >
          {translate('app.import.existing', { symbol: preview.existingDocument.symbol ?? '' })}
        </Alert>
      ) : null}
      {preview.warnings.length ? (
        <Alert severity="info" className="import-warnings">
          <Typography variant="subtitle2">{translate('app.import.warnings')}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {preview.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </Box>
        </Alert>
      ) : null}
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.import.header')}
          </Typography>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                select
                fullWidth
                name="kind"
                label={translate('resources.documents.fields.kind')}
                value={preview.kind ?? ''}
                onChange={(event) => set({ kind: event.target.value || null })}
              >
                {enumChoices('DocumentKind').map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {translate(choice.name)}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                fullWidth
                name="symbol"
                label={translate('resources.documents.fields.symbol')}
                value={preview.symbol ?? ''}
                onChange={(event) => set({ symbol: event.target.value || null })}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                fullWidth
                type="date"
                name="issuedOn"
                label={translate('resources.documents.fields.issuedOn')}
                value={preview.issuedOn ?? ''}
                onChange={(event) => set({ issuedOn: event.target.value || null })}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                fullWidth
                name="place"
                label={translate('resources.documents.fields.place')}
                value={preview.place ?? ''}
                onChange={(event) => set({ place: event.target.value || null })}
              />
            </Grid>
            <Grid size={12}>
              <TextField
                fullWidth
                multiline
                name="title"
                label={translate('resources.documents.fields.title')}
                value={preview.title ?? ''}
                onChange={(event) => set({ title: event.target.value || null })}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                fullWidth
                name="issuer"
                label={translate('app.import.issuer')}
                value={preview.issuer?.name ?? ''}
                onChange={(event) => set({ issuer: { name: event.target.value, aliases: preview.issuer?.aliases ?? null } })}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                fullWidth
                name="signerTitle"
                label={translate('app.import.signer_title')}
                value={preview.signer?.title ?? ''}
                onChange={(event) => set({ signer: { name: preview.signer?.name ?? null, title: event.target.value || null } })}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                fullWidth
                name="signerName"
                label={translate('app.import.signer_name')}
                value={preview.signer?.name ?? ''}
                onChange={(event) => set({ signer: { title: preview.signer?.title ?? null, name: event.target.value || null } })}
              />
            </Grid>
          </Grid>
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.import.references')}
          </Typography>
          {preview.references.length ? null : <Typography variant="body2">{translate('app.import.none')}</Typography>}
          {preview.references.map((reference, index) => (
            <Stack key={index} direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
              <TextField
                select
                size="small"
                value={reference.relation}
                onChange={(event) =>
                  set({
                    references: preview.references.map((item, position) =>
                      position === index ? { ...item, relation: event.target.value } : item,
                    ),
                  })
                }
                sx={{ width: 160 }}
              >
                {enumChoices('RelationType').map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {translate(choice.name)}
                  </MenuItem>
                ))}
              </TextField>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {reference.symbol ?? ''}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {reference.text}
              </Typography>
            </Stack>
          ))}
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.import.clauses')}
          </Typography>
          <DraftClauseTree clauses={preview.clauses} onEdit={setEditingClause} />
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.import.tasks')} ({preview.tasks.length})
          </Typography>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" className="import-tasks">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.clauses.fields.path')}</TableCell>
                  <TableCell>{translate('resources.tasks.fields.title')}</TableCell>
                  <TableCell>{translate('app.task.leads')}</TableCell>
                  <TableCell>{translate('app.task.coordinators')}</TableCell>
                  <TableCell>{translate('app.import.due_date')}</TableCell>
                  <TableCell>{translate('resources.tasks.fields.recurrence')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.tasks.map((task, index) => (
                  <TableRow key={`${task.clausePath}-${index}`} sx={{ verticalAlign: 'top' }}>
                    <TableCell sx={{ fontWeight: 700 }}>{task.clausePath}</TableCell>
                    <TableCell sx={{ minWidth: 280 }}>
                      <TextField
                        size="small"
                        multiline
                        fullWidth
                        value={task.title}
                        onChange={(event) => setTask(index, { title: event.target.value })}
                      />
                      {task.requested ? <Chip size="small" label={translate('app.task.requested')} sx={{ mt: 0.5 }} /> : null}
                    </TableCell>
                    <TableCell sx={{ minWidth: 200 }}>
                      <TextField
                        size="small"
                        multiline
                        fullWidth
                        helperText={translate('app.import.leads_hint')}
                        defaultValue={task.leads.join('; ')}
                        onBlur={(event) => setTask(index, { leads: splitNames(event.target.value) })}
                      />
                    </TableCell>
                    <TableCell sx={{ minWidth: 200 }}>
                      <TextField
                        size="small"
                        multiline
                        fullWidth
                        defaultValue={task.coordinators.join('; ')}
                        onBlur={(event) => setTask(index, { coordinators: splitNames(event.target.value) })}
                      />
                    </TableCell>
                    <TableCell sx={{ minWidth: 160 }}>
                      <TextField
                        size="small"
                        type="date"
                        value={task.due.date ?? ''}
                        onChange={(event) => setTask(index, { due: { ...task.due, date: event.target.value || null } })}
                      />
                      <TextField
                        size="small"
                        placeholder={translate('app.import.due_text')}
                        value={task.due.text ?? ''}
                        onChange={(event) => setTask(index, { due: { ...task.due, text: event.target.value || null } })}
                        sx={{ mt: 0.5 }}
                      />
                    </TableCell>
                    <TableCell>
                      <TextField
                        select
                        size="small"
                        value={task.recurrence}
                        onChange={(event) => setTask(index, { recurrence: event.target.value })}
                      >
                        {enumChoices('Recurrence').map((choice) => (
                          <MenuItem key={choice.id} value={choice.id}>
                            {translate(choice.name)}
                          </MenuItem>
                        ))}
                      </TextField>
                    </TableCell>
                    <TableCell>
                      <IconButton
                        size="small"
                        aria-label={translate('app.import.remove_task')}
                        onClick={() => set({ tasks: preview.tasks.filter((_, position) => position !== index) })}
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.import.agencies')}
          </Typography>
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            {preview.agencies
              .filter((match) => !match.candidates.length)
              .map((match) => (
                <Chip
                  key={match.name}
                  variant={match.agency ? 'outlined' : 'filled'}
                  color={match.agency ? 'default' : 'warning'}
                  sx={{ height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
                  label={
                    match.agency
                      ? `${match.name} → ${match.agency.name}`
                      : `${match.name} · ${translate('app.import.will_create', { name: match.proposedName ?? match.name })}`
                  }
                />
              ))}
          </Stack>
          {/* A name the importer could not settle: the reviewer picks the agency it means, or lets it be created. */}
          {preview.agencies
            .filter((match) => match.candidates.length)
            .map((match) => (
              <Stack key={match.name} direction="row" spacing={1} alignItems="center" sx={{ mt: 1.5 }} className="agency-choice">
                <Typography variant="body2" sx={{ minWidth: 260 }}>
                  {match.name}
                </Typography>
                <TextField
                  select
                  size="small"
                  sx={{ minWidth: 420 }}
                  value={agencyChoices[match.name] ?? match.agency?.id ?? ''}
                  onChange={(event) => onAgencyChoice(match.name, event.target.value || null)}
                >
                  {match.agency ? null : (
                    <MenuItem value="">{translate('app.import.will_create', { name: match.proposedName ?? match.name })}</MenuItem>
                  )}
                  {[...(match.agency ? [match.agency] : []), ...match.candidates]
                    .filter((agency, index, all) => all.findIndex((other) => other.id === agency.id) === index)
                    .map((agency) => (
                      <MenuItem key={agency.id} value={agency.id}>
                        {translate('app.import.linked')} {agency.name}
                      </MenuItem>
                    ))}
                </TextField>
              </Stack>
            ))}
        </CardContent>
      </Card>

      {preview.unplaced.length ? (
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('app.import.unplaced')}
            </Typography>
            {preview.unplaced.map((fragment, index) => (
              <Box
                component="mark"
                key={index}
                className="unplaced"
                sx={{ display: 'block', whiteSpace: 'pre-wrap', bgcolor: '#fff3b0', p: 1, mb: 1, borderRadius: 1 }}
              >
                {fragment}
              </Box>
            ))}
          </CardContent>
        </Card>
      ) : null}

      <Stack direction="row" spacing={2} justifyContent="flex-end">
        <Button onClick={onBack}>{translate('app.import.back')}</Button>
        <Button variant="contained" color="secondary" onClick={onCommit} disabled={busy || (!!preview.existingDocument && !replace)}>
          {translate('app.import.commit')}
        </Button>
      </Stack>

      {editingClause ? (
        <ClauseDialog
          title={`${translate('app.clause.edit')} ${editingClause.path}`}
          initial={{ label: editingClause.label, kind: editingClause.kind, heading: editingClause.heading ?? '', text: editingClause.text }}
          saving={false}
          onCancel={() => setEditingClause(null)}
          onSave={(values) => {
            set({ clauses: replaceClause(preview.clauses, editingClause.path, { ...values, heading: values.heading || null }) });
            setEditingClause(null);
          }}
        />
      ) : null}
      <Typography variant="caption" color="text.secondary">
        {enumLabel('DocumentKind', preview.kind)} {preview.symbol}
      </Typography>
    </Stack>
  );
}

function DraftClauseTree({ clauses, onEdit }: { clauses: DraftClause[]; onEdit: (clause: DraftClause) => void }) {
  const translate = useTranslate();
  return (
    <Box>
      {clauses.map((clause) => (
        <Box
          key={clause.path}
          className="draft-clause"
          data-path={clause.path}
          sx={{ pl: clause.path.includes('.') ? 2 : 0, borderLeft: clause.path.includes('.') ? '2px solid #dde3ea' : 'none', mt: 0.5 }}
        >
          <Stack direction="row" spacing={1} alignItems="flex-start">
            <Typography component="span" sx={{ fontWeight: 700, minWidth: 40, color: 'primary.main' }}>
              {clause.label || (clause.path === 'preamble' ? translate('app.clause.preamble') : clause.path)}
            </Typography>
            <Box sx={{ flex: 1 }}>
              {clause.heading ? <Typography sx={{ fontWeight: 600 }}>{clause.heading}</Typography> : null}
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {clause.text}
              </Typography>
            </Box>
            <IconButton size="small" onClick={() => onEdit(clause)} aria-label={`${translate('app.clause.edit')} ${clause.path}`}>
              <EditIcon fontSize="small" />
            </IconButton>
          </Stack>
          <DraftClauseTree clauses={clause.children} onEdit={onEdit} />
        </Box>
      ))}
    </Box>
  );
}
