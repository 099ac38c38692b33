// From a clause down: what carries it out below (documents citing it, tasks, lower tasks), sub-clauses nobody implements marked.
import { Alert, Box, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { Link, Loading, Title, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';

import { DeadlineChip, useDocumentName, useEnumLabel } from '../common/fields';
import { useGraphQL } from '../common/use-graphql';
import type { DocumentRef } from '../documents/document-queries';

const CLAUSE_TRACE = /* GraphQL */ `
  query ClauseTrace($id: ID!) {
    clause(id: $id) {
      id
      path
      label
      heading
      text
      citation
      document {
        id
        symbol
        kind
        title
        referenced
      }
      ancestors {
        id
        path
        citation
      }
      implementations {
        implemented
        documents {
          type
          citationText
          from {
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
        tasks {
          id
          title
          deadlineStatus
          sourceClause {
            path
          }
          document {
            id
            symbol
            kind
            title
          }
        }
        childTasks {
          id
          title
          deadlineStatus
          document {
            id
            symbol
            kind
            title
          }
        }
      }
      children {
        id
        path
        label
        heading
        text
        implementations {
          implemented
        }
      }
    }
  }
`;

interface TaskRow {
  id: string;
  title: string;
  deadlineStatus: string;
  document: DocumentRef;
  sourceClause?: { path: string };
}

interface ClauseTrace {
  id: string;
  path: string;
  label: string;
  heading: string | null;
  text: string;
  citation: string;
  document: DocumentRef;
  ancestors: { id: string; path: string; citation: string }[];
  implementations: {
    implemented: boolean;
    documents: {
      type: string;
      citationText: string | null;
      from: DocumentRef;
      citingClause: { id: string; path: string; citation: string } | null;
    }[];
    tasks: TaskRow[];
    childTasks: TaskRow[];
  };
  children: { id: string; path: string; label: string; heading: string | null; text: string; implementations: { implemented: boolean } }[];
}

export function ImplementedChip({ implemented }: { implemented: boolean }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={implemented ? 'success' : 'error'}
      variant={implemented ? 'outlined' : 'filled'}
      label={translate(implemented ? 'app.clause.implemented' : 'app.clause.unimplemented')}
      className={implemented ? 'implemented' : 'unimplemented'}
    />
  );
}

function TaskLines({ tasks }: { tasks: TaskRow[] }) {
  const translate = useTranslate();
  const documentName = useDocumentName();
  if (!tasks.length) return <Typography variant="body2">{translate('app.import.none')}</Typography>;
  return (
    <Stack spacing={0.75}>
      {tasks.map((task) => (
        <Stack key={task.id} direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
          <DeadlineChip status={task.deadlineStatus} />
          <Link to={`/tasks/${encodeURIComponent(task.id)}/show`}>{task.title}</Link>
          <Typography variant="caption" color="text.secondary">
            {documentName(task.document)}
            {task.sourceClause ? ` · ${task.sourceClause.path}` : ''}
          </Typography>
          <Link to={`/reports?filter=${encodeURIComponent(JSON.stringify({ taskId: task.id }))}`} sx={{ fontSize: 12 }}>
            {translate('app.trace.reports')}
          </Link>
        </Stack>
      ))}
    </Stack>
  );
}

export function ClauseTracePage() {
  const { id } = useParams();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const documentName = useDocumentName();
  const { data, isPending, error } = useGraphQL<{ clause: ClauseTrace | null }>(['trace-clause', id], CLAUSE_TRACE, { id });
  if (isPending) return <Loading />;
  if (error || !data?.clause)
    return (
      <Alert severity="error">{error?.message ? translate(error.message, { _: error.message }) : translate('ra.page.not_found')}</Alert>
    );
  const { clause } = data;
  const { implementations } = clause;
  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('app.trace.clause_title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center">
            <Typography variant="h6" component="h1">
              {clause.citation}
            </Typography>
            <ImplementedChip implemented={implementations.implemented} />
          </Stack>
          <Link to={`/documents/${encodeURIComponent(clause.document.id)}/show`}>{documentName(clause.document)}</Link>
          {clause.ancestors.length ? (
            <Typography variant="caption" component="div" color="text.secondary">
              {clause.ancestors.map((ancestor) => (
                <Link key={ancestor.id} to={`/trace/clause/${encodeURIComponent(ancestor.id)}`} sx={{ mr: 1 }}>
                  {ancestor.path}
                </Link>
              ))}
            </Typography>
          ) : null}
          {clause.heading ? <Typography sx={{ fontWeight: 600, mt: 1 }}>{clause.heading}</Typography> : null}
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>
            {clause.text}
          </Typography>
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="subtitle1" component="h2" gutterBottom>
                {translate('app.trace.implementing_documents')}
              </Typography>
              {implementations.documents.length ? null : <Typography variant="body2">{translate('app.import.none')}</Typography>}
              {implementations.documents.map((relation) => (
                <Box key={`${relation.from.id}-${relation.type}`} sx={{ mb: 1 }}>
                  <Typography variant="body2" component="span" color="text.secondary">
                    {enumLabel('RelationType', relation.type)}:{' '}
                  </Typography>
                  <Link to={`/documents/${encodeURIComponent(relation.from.id)}/show`}>{documentName(relation.from)}</Link>
                  <Typography variant="caption" component="div" color="text.secondary">
                    {relation.citingClause?.citation ?? relation.citationText}
                  </Typography>
                </Box>
              ))}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="subtitle1" component="h2" gutterBottom>
                {translate('app.trace.implementing_tasks')}
              </Typography>
              <TaskLines tasks={implementations.tasks} />
              <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }} gutterBottom>
                {translate('app.trace.child_tasks')}
              </Typography>
              <TaskLines tasks={implementations.childTasks} />
            </CardContent>
          </Card>
        </Grid>
        {clause.children.length ? (
          <Grid size={12}>
            <Card>
              <CardContent>
                <Typography variant="subtitle1" component="h2" gutterBottom>
                  {translate('app.trace.subclauses')}
                </Typography>
                <Stack spacing={1}>
                  {clause.children.map((child) => (
                    <Stack key={child.id} direction="row" spacing={1} alignItems="flex-start" className="subclause">
                      <ImplementedChip implemented={child.implementations.implemented} />
                      <Link to={`/trace/clause/${encodeURIComponent(child.id)}`} sx={{ fontWeight: 700 }}>
                        {child.path}
                      </Link>
                      <Typography variant="body2">{[child.heading, child.text].filter(Boolean).join(' — ').slice(0, 240)}</Typography>
                    </Stack>
                  ))}
                </Stack>
              </CardContent>
            </Card>
          </Grid>
        ) : null}
      </Grid>
    </Box>
  );
}
