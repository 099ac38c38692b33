// A document: its metadata, its lineage up and down (with a graph), and its clause tree with tasks and assignments.
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Alert, Box, Card, CardContent, Chip, Grid, LinearProgress, Stack, ToggleButton, Typography } from '@mui/material';
import { useState } from 'react';
import {
  EditButton,
  Link,
  Loading,
  ShowBase,
  TopToolbar,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DEADLINE_COLOURS, useDocumentName, useEnumLabel } from '../common/fields';
import { formatLocalDate } from '../common/format';
import { useGraphQL } from '../common/use-graphql';
import { can } from '../providers/auth-provider';
import { LineageGraph } from '../trace/LineageGraph';
import { ClauseTree } from './ClauseTree';
import { DOCUMENT_DETAILS, type DocumentDetails, type LineageStep } from './document-queries';

export function DocumentShow() {
  return (
    <ShowBase>
      <DocumentShowContent />
    </ShowBase>
  );
}

function DocumentShowContent() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions: role } = usePermissions();
  const [editingTree, setEditingTree] = useState(false);
  const details = useGraphQL<{ document: DocumentDetails | null }>(
    ['document', record?.id],
    DOCUMENT_DETAILS,
    { id: record?.id },
    { enabled: !!record?.id },
  );
  const documentName = useDocumentName();
  if (!record || details.isPending) return <Loading />;
  const document = details.data?.document;
  if (!document) return <Alert severity="error">{translate('ra.page.not_found')}</Alert>;
  return (
    <Box sx={{ pb: 4 }}>
      <TopToolbar>{can.edit(role) ? <EditButton /> : null}</TopToolbar>
      <Typography variant="h5" component="h1">
        {documentName(document)}
      </Typography>
      <Typography variant="subtitle1" component="p" color="text.secondary" className="document-title" sx={{ mb: 1 }}>
        {document.title}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <DocumentMetadata document={document} />
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" component="h2" gutterBottom>
                {translate('app.document.lineage_graph')}
              </Typography>
              <LineageGraph current={document} up={document.lineage} down={document.implementedBy} height={280} />
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LineageList title="app.document.lineage_up" empty="app.document.no_lineage_up" steps={document.lineage} direction="up" />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LineageList
            title="app.document.lineage_down"
            empty="app.document.no_lineage_down"
            steps={document.implementedBy}
            direction="down"
          />
        </Grid>
        <Grid size={12}>
          <Card>
            <CardContent>
              <Stack direction="row" alignItems="center" justifyContent="space-between">
                <Typography variant="h6" component="h2">
                  {translate('app.document.clause_tree')}
                </Typography>
                {can.edit(role) ? (
                  <ToggleButton
                    value="edit"
                    size="small"
                    selected={editingTree}
                    onChange={() => setEditingTree(!editingTree)}
                    color="primary"
                  >
                    <EditNoteIcon fontSize="small" sx={{ mr: 0.5 }} />
                    {translate('app.document.edit_tree')}
                  </ToggleButton>
                ) : null}
              </Stack>
              <ClauseTree documentId={document.id} clauses={document.clauses} editable={editingTree} />
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </Box>
  );
}

function DocumentMetadata({ document }: { document: DocumentDetails }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [locale] = useLocaleState();
  const rows: [string, React.ReactNode][] = [
    ['resources.documents.fields.kind', enumLabel('DocumentKind', document.kind)],
    ['resources.documents.fields.symbol', document.symbol],
    [
      'resources.documents.fields.issuer',
      document.issuer ? <Link to={`/agencies/${encodeURIComponent(document.issuer.id)}/show`}>{document.issuer.name}</Link> : null,
    ],
    ['resources.documents.fields.issuedOn', formatLocalDate(document.issuedOn, locale)],
    ['resources.documents.fields.place', document.place],
    ['resources.documents.fields.status', <Chip key="status" size="small" label={enumLabel('DocumentStatus', document.status)} />],
    ['resources.documents.fields.signerName', [document.signerTitle, document.signerName].filter(Boolean).join(' — ')],
    ['resources.documents.fields.recipients', document.recipients.map((r) => r.name + (r.purpose ? ` (${r.purpose})` : '')).join('; ')],
  ];
  return (
    <Card>
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {translate('app.document.metadata')}
        </Typography>
        {document.referenced ? (
          <Alert severity="info" sx={{ mb: 1 }}>
            {translate('app.document.referenced_note')}
          </Alert>
        ) : null}
        <DocumentProgressBar progress={document.progress} />
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <Box key={label} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {translate(label)}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                  {value}
                </Typography>
              </Box>
            ))}
        </Box>
      </CardContent>
    </Card>
  );
}

function DocumentProgressBar({ progress }: { progress: DocumentDetails['progress'] }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  if (!progress.taskCount) return null;
  const average = progress.averageProgress ?? progress.percentDone;
  return (
    <Box sx={{ mb: 2 }} className="document-progress">
      <Stack direction="row" justifyContent="space-between">
        <Typography variant="body2" color="text.secondary">
          {translate('app.document.progress')}
        </Typography>
        <Typography variant="body2">
          {translate('app.document.progress_detail', { done: progress.doneCount, total: progress.taskCount, average: Math.round(average) })}
        </Typography>
      </Stack>
      <LinearProgress variant="determinate" value={Math.min(100, average)} sx={{ height: 8, borderRadius: 4, my: 0.5 }} />
      <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
        {progress.tasksByDeadlineStatus.map((entry) => (
          <Chip
            key={entry.status}
            size="small"
            color={DEADLINE_COLOURS[entry.status] ?? 'default'}
            label={`${enumLabel('DeadlineStatus', entry.status)}: ${entry.count}`}
          />
        ))}
      </Stack>
    </Box>
  );
}

function LineageList({ title, empty, steps, direction }: { title: string; empty: string; steps: LineageStep[]; direction: 'up' | 'down' }) {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const documentName = useDocumentName();
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {steps.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate(empty)}
          </Typography>
        ) : null}
        <Box component="ol" sx={{ m: 0, pl: 2.5 }} className={`lineage-${direction}`}>
          {steps.map((step) => {
            const other = direction === 'up' ? step.to : step.from;
            return (
              <li key={`${step.from.id}-${step.to.id}-${step.type}`}>
                <Typography variant="body2" component="span" color="text.secondary">
                  {enumLabel('RelationType', step.type)} · {translate('app.document.depth', { depth: step.depth })}:{' '}
                </Typography>
                <Link to={`/documents/${encodeURIComponent(other.id)}/show`}>{documentName(other)}</Link>
                <Typography variant="body2" component="div" color="text.secondary" sx={{ fontSize: 13 }}>
                  {other.title}
                  {step.citingClause ? ` — ${translate('app.document.cited_in', { citation: step.citingClause.citation })}` : ''}
                </Typography>
              </li>
            );
          })}
        </Box>
      </CardContent>
    </Card>
  );
}
