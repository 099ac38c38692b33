// One task: its legal basis (clause text), who leads and coordinates, deadline, targets, and its reports.
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Box, Button, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import {
  Datagrid,
  EditButton,
  Link,
  ReferenceManyField,
  ShowBase,
  TextField,
  TopToolbar,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

import { DeadlineChip, EnumField, LocalDateField, useDocumentName, useEnumLabel } from '../common/fields';
import { formatLocalDate } from '../common/format';
import { can } from '../providers/auth-provider';
import { ReportStatusField } from '../reports/ReportStatusField';

interface TaskRecord {
  id: string;
  title: string;
  description: string | null;
  kind: string;
  dueDate: string | null;
  duePhrase: string | null;
  recurrence: string;
  progressStatus: string;
  completedOn: string | null;
  deadlineStatus: string;
  targets: { text: string; comparator: string | null; value: number | null; unit: string | null }[];
  document: { id: string; kind: string; symbol: string | null; title: string };
  sourceClause: { id: string; path: string; citation: string; text: string };
  parentTask: { id: string; title: string } | null;
  assignments: { id: string; role: string; requested: boolean; inherited: boolean; agency: { id: string; name: string } }[];
}

export function TaskShow() {
  return (
    <ShowBase>
      <TaskShowContent />
    </ShowBase>
  );
}

function TaskShowContent() {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const documentName = useDocumentName();
  const [locale] = useLocaleState();
  const { permissions: role } = usePermissions();
  if (!task) return null;
  const facts: [string, React.ReactNode][] = [
    ['resources.tasks.fields.dueDate', formatLocalDate(task.dueDate, locale)],
    ['resources.tasks.fields.duePhrase', task.duePhrase],
    ['resources.tasks.fields.recurrence', enumLabel('Recurrence', task.recurrence)],
    ['resources.tasks.fields.kind', enumLabel('TaskKind', task.kind)],
    ['resources.tasks.fields.progressStatus', enumLabel('ProgressStatus', task.progressStatus)],
    ['resources.tasks.fields.completedOn', formatLocalDate(task.completedOn, locale)],
    [
      'resources.tasks.fields.parentTask',
      task.parentTask ? <Link to={`/tasks/${encodeURIComponent(task.parentTask.id)}/show`}>{task.parentTask.title}</Link> : null,
    ],
  ];
  return (
    <Box sx={{ pb: 4 }}>
      <TopToolbar>
        <Button component={RouterLink} to={`/trace/task/${encodeURIComponent(task.id)}`} startIcon={<AccountTreeIcon />} size="small">
          {translate('app.task.trace')}
        </Button>
        {can.edit(role) ? <EditButton /> : null}
      </TopToolbar>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 2 }}>
        <DeadlineChip status={task.deadlineStatus} />
        <Typography variant="h5" component="h1">
          {task.title}
        </Typography>
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Card sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="subtitle2" color="text.secondary">
                {translate('resources.tasks.fields.sourceClause')}
              </Typography>
              <Link to={`/documents/${encodeURIComponent(task.document.id)}/show`}>{documentName(task.document)}</Link>
              <Typography variant="body2" color="text.secondary">
                {task.sourceClause.citation}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 1, p: 1.5, bgcolor: '#fbfaf5', borderRadius: 1 }}>
                {task.sourceClause.text}
              </Typography>
              {task.description ? (
                <Typography variant="body2" sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>
                  {task.description}
                </Typography>
              ) : null}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Card sx={{ height: '100%' }}>
            <CardContent>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
                {facts
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
              <Typography variant="subtitle2" sx={{ mt: 2 }}>
                {translate('resources.tasks.fields.assignments')}
              </Typography>
              <Stack spacing={0.5} sx={{ mt: 0.5 }} className="task-assignments">
                {task.assignments.map((assignment) => (
                  <Stack key={assignment.id} direction="row" spacing={1} alignItems="center">
                    <Chip
                      size="small"
                      color={assignment.role === 'LEAD' ? 'primary' : 'default'}
                      label={enumLabel('AssignmentRole', assignment.role)}
                    />
                    <Link to={`/agencies/${encodeURIComponent(assignment.agency.id)}/show`}>{assignment.agency.name}</Link>
                    {assignment.requested ? <Typography variant="caption">({translate('app.task.requested')})</Typography> : null}
                    {assignment.inherited ? <Typography variant="caption">({translate('app.task.inherited')})</Typography> : null}
                  </Stack>
                ))}
              </Stack>
              {task.targets.length ? (
                <>
                  <Typography variant="subtitle2" sx={{ mt: 2 }}>
                    {translate('resources.tasks.fields.targets')}
                  </Typography>
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {task.targets.map((target, index) => (
                      <li key={index}>
                        <Typography variant="body2">
                          {target.text}
                          {target.comparator
                            ? ` (${enumLabel('TargetComparator', target.comparator)} ${target.value ?? ''}${target.unit ?? ''})`
                            : ''}
                        </Typography>
                      </li>
                    ))}
                  </Box>
                </>
              ) : null}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={12}>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" component="h2">
                {translate('app.task.reports')}
              </Typography>
              <ReferenceManyField reference="reports" target="taskId" perPage={20}>
                <Datagrid
                  rowClick="show"
                  bulkActionButtons={false}
                  empty={<Typography variant="body2">{translate('app.import.none')}</Typography>}
                >
                  <TextField source="agency.name" label="resources.reports.fields.agency" />
                  <EnumField source="kind" enumName="ReportKind" label="resources.reports.fields.kind" />
                  <LocalDateField source="periodStart" label="resources.reports.fields.periodStart" />
                  <LocalDateField source="periodEnd" label="resources.reports.fields.periodEnd" />
                  <ReportStatusField label="resources.reports.fields.status" />
                </Datagrid>
              </ReferenceManyField>
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </Box>
  );
}
