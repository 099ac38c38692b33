// From a task up to its legal basis: task → clause (text) → enclosing clauses → document → every document above it.
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Alert, Box, Card, CardContent, Chip, Grid, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, Loading, Title, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';

import { DeadlineChip, useDocumentName, useEnumLabel } from '../common/fields';
import { useGraphQL } from '../common/use-graphql';
import type { DocumentRef, LineageStep } from '../documents/document-queries';
import { LineageGraph } from './LineageGraph';

const TASK_TRACE = /* GraphQL */ `
  query TaskTrace($id: ID!) {
    task(id: $id) {
      id
      title
      deadlineStatus
      trace {
        sourceClause {
          id
          path
          label
          heading
          text
          citation
        }
        clauses {
          id
          path
          label
          heading
          text
          citation
        }
        document {
          id
          symbol
          kind
          title
          referenced
        }
        lineage {
          depth
          type
          citationText
          from {
            id
            symbol
            kind
            title
            referenced
          }
          to {
            id
            symbol
            kind
            title
            referenced
          }
          citingClause {
            id
            path
            citation
          }
        }
        roots {
          id
          symbol
          kind
          title
        }
      }
    }
  }
`;

interface TraceClause {
  id: string;
  path: string;
  label: string;
  heading: string | null;
  text: string;
  citation: string;
}

interface TaskTrace {
  id: string;
  title: string;
  deadlineStatus: string;
  trace: { sourceClause: TraceClause; clauses: TraceClause[]; document: DocumentRef; lineage: LineageStep[]; roots: DocumentRef[] };
}

function Step({ kind, children, highlight }: { kind: string; children: React.ReactNode; highlight?: boolean }) {
  return (
    <>
      <Paper
        variant="outlined"
        sx={{ p: 1.5, borderColor: highlight ? 'secondary.main' : undefined, borderWidth: highlight ? 2 : 1 }}
        className="trace-step"
      >
        <Typography variant="overline" component="div" color="text.secondary" sx={{ lineHeight: 1.5 }}>
          {kind}
        </Typography>
        {children}
      </Paper>
      <Box sx={{ textAlign: 'center', color: 'text.disabled', '&:last-of-type': { display: 'none' } }} className="trace-arrow">
        <ArrowUpwardIcon fontSize="small" />
      </Box>
    </>
  );
}

export function TaskTracePage() {
  const { id } = useParams();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const documentName = useDocumentName();
  // "As of" a day: the task and its clauses as they read at the end of that day, rebuilt from the audit trail.
  const [asOf, setAsOf] = useState('');
  const at = asOf ? new Date(`${asOf}T23:59:59+07:00`).toISOString() : null;
  const { data, isPending, error } = useGraphQL<{ task: TaskTrace | null }>(['trace-task', id, at], TASK_TRACE, { id, at });
  const asOfField = (
    <TextField
      type="date"
      size="small"
      name="asOf"
      label={translate('app.trace.at')}
      value={asOf}
      onChange={(event) => setAsOf(event.target.value)}
      slotProps={{ inputLabel: { shrink: true } }}
      sx={{ mb: 2, width: 220 }}
    />
  );
  if (isPending) return <Loading />;
  if (error || !data?.task)
    return (
      <Box sx={{ py: 2 }}>
        {asOfField}
        <Alert severity="error">{error?.message ? translate(error.message, { _: error.message }) : translate('ra.page.not_found')}</Alert>
      </Box>
    );
  const { task } = data;
  const { trace } = task;
  // The enclosing clauses, innermost first, so the chain reads upwards from the task.
  const parents = trace.clauses.filter((clause) => clause.id !== trace.sourceClause.id).reverse();
  const rootIds = new Set(trace.roots.map((root) => root.id));
  const above = trace.lineage;
  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('app.trace.title')} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          {asOfField}
          <Stack spacing={0} className="trace-chain">
            <Step kind={translate('app.trace.task')} highlight>
              <Stack direction="row" spacing={1} alignItems="center">
                <DeadlineChip status={task.deadlineStatus} />
                <Link to={`/tasks/${encodeURIComponent(task.id)}/show`}>{task.title}</Link>
              </Stack>
            </Step>
            <Step kind={translate('app.trace.clause')}>
              <Link to={`/trace/clause/${encodeURIComponent(trace.sourceClause.id)}`}>{trace.sourceClause.citation}</Link>
              {trace.sourceClause.heading ? <Typography sx={{ fontWeight: 600 }}>{trace.sourceClause.heading}</Typography> : null}
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {trace.sourceClause.text}
              </Typography>
            </Step>
            {parents.map((clause) => (
              <Step key={clause.id} kind={translate('app.trace.parents')}>
                <Link to={`/trace/clause/${encodeURIComponent(clause.id)}`}>{clause.citation}</Link>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                  {[clause.heading, clause.text].filter(Boolean).join(' — ')}
                </Typography>
              </Step>
            ))}
            <Step kind={translate('app.trace.document')}>
              <Link to={`/documents/${encodeURIComponent(trace.document.id)}/show`} className="trace-document">
                {documentName(trace.document)}
              </Link>
              <Typography variant="body2">{trace.document.title}</Typography>
            </Step>
            {above.map((step) => (
              <Step
                key={`${step.from.id}-${step.to.id}`}
                kind={`${translate('app.trace.above')} · ${enumLabel('RelationType', step.type)}`}
              >
                <Stack direction="row" spacing={1} alignItems="center">
                  <Link to={`/documents/${encodeURIComponent(step.to.id)}/show`} className="trace-document">
                    {documentName(step.to)}
                  </Link>
                  {rootIds.has(step.to.id) ? <Chip size="small" color="secondary" label={translate('app.trace.root')} /> : null}
                </Stack>
                <Typography variant="body2">{step.to.title}</Typography>
                {step.citingClause ? (
                  <Typography variant="caption" color="text.secondary">
                    {translate('app.document.cited_in', { citation: step.citingClause.citation })}
                  </Typography>
                ) : null}
              </Step>
            ))}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" component="h2" gutterBottom>
                {translate('app.trace.graph')}
              </Typography>
              <LineageGraph current={trace.document} up={trace.lineage} down={[]} height={420} />
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </Box>
  );
}
