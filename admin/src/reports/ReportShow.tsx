// A report and its workflow: submit (DRAFT → SUBMITTED), accept or return with a comment, revise a returned one.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  EditButton,
  Link,
  ShowBase,
  TopToolbar,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { ReportStatusChip, useEnumLabel } from '../common/fields';
import { formatDateTime, formatLocalDate } from '../common/format';
import { useGraphQLMutation } from '../common/use-graphql';
import { can } from '../providers/auth-provider';

// The input objects are written out in the query, so the console does not depend on their type names.
const STEP = (mutation: string) =>
  `mutation($id: ID!, $version: Int!) { result: ${mutation}(input: { id: $id, version: $version }) { id version status } }`;
const RETURN = `mutation($id: ID!, $version: Int!, $comment: String!) {
  result: returnReport(input: { id: $id, version: $version, comment: $comment }) { id version status } }`;

interface ReportRecord {
  id: string;
  version: number;
  status: string;
  kind: string;
  revision: number;
  periodStart: string;
  periodEnd: string;
  dueOn: string | null;
  deliveryStatus: string | null;
  progress: number | null;
  text: string;
  reviewComment: string | null;
  submittedAt: string | null;
  agency: { id: string; name: string };
  task: { id: string; title: string; targets: { text: string }[]; sourceClause: { citation: string } } | null;
  document: { id: string; symbol: string | null; title: string } | null;
  targetValues: { targetIndex: number; value: number; text: string | null }[];
  transitions: { fromStatus: string | null; toStatus: string; at: string; actorName: string; comment: string | null }[];
  attachments: { id: string; fileName: string; byteSize: number }[];
}

function WorkflowButtons() {
  const report = useRecordContext<ReportRecord>();
  const { permissions: role } = usePermissions();
  const translate = useTranslate();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const submit = useGraphQLMutation(STEP('submitReport'), { success: 'app.report.submitted' });
  const accept = useGraphQLMutation(STEP('acceptReport'), { success: 'app.report.accepted' });
  const revise = useGraphQLMutation<{ result: { id: string } }, { id: string; version: number }>(STEP('reviseReport'), {
    success: 'app.report.revised',
  });
  const giveBack = useGraphQLMutation(RETURN, { success: 'app.report.returned' });
  if (!report) return null;
  const input = { id: report.id, version: report.version };
  const done = { onSuccess: () => refresh() };
  return (
    <>
      {report.status === 'DRAFT' && can.writeReports(role) ? (
        <Button size="small" variant="contained" onClick={() => submit.mutate(input, done)}>
          {translate('app.report.submit')}
        </Button>
      ) : null}
      {report.status === 'SUBMITTED' && can.reviewReports(role) ? (
        <>
          <Button size="small" variant="contained" color="success" onClick={() => accept.mutate(input, done)}>
            {translate('app.report.accept')}
          </Button>
          <Button size="small" variant="outlined" color="warning" onClick={() => setReturning(true)}>
            {translate('app.report.return')}
          </Button>
        </>
      ) : null}
      {report.status === 'RETURNED' && can.writeReports(role) ? (
        <Button
          size="small"
          variant="outlined"
          onClick={() => revise.mutate(input, { onSuccess: (data) => redirect('edit', 'reports', data.result.id) })}
        >
          {translate('app.report.revise')}
        </Button>
      ) : null}
      <Dialog open={returning} onClose={() => setReturning(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.report.return')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            label={translate('app.report.return_comment')}
            name="comment"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReturning(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color="warning"
            disabled={!comment.trim()}
            onClick={() =>
              giveBack.mutate(
                { ...input, comment },
                {
                  onSuccess: () => {
                    setReturning(false);
                    refresh();
                  },
                },
              )
            }
          >
            {translate('app.report.return')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function Actions() {
  const record = useRecordContext<ReportRecord>();
  const { permissions: role } = usePermissions();
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1}>
        <WorkflowButtons />
        {record?.status === 'DRAFT' && can.writeReports(role) ? <EditButton /> : null}
      </Stack>
    </TopToolbar>
  );
}

export function ReportShow() {
  return (
    <ShowBase>
      <ReportShowContent />
    </ShowBase>
  );
}

function ReportShowContent() {
  const report = useRecordContext<ReportRecord>();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [locale] = useLocaleState();
  if (!report) return null;
  const facts: [string, React.ReactNode][] = [
    [
      'resources.reports.fields.agency',
      <Link key="agency" to={`/agencies/${encodeURIComponent(report.agency.id)}/show`}>
        {report.agency.name}
      </Link>,
    ],
    ['resources.reports.fields.kind', enumLabel('ReportKind', report.kind)],
    ['app.report.period', `${formatLocalDate(report.periodStart, locale)} – ${formatLocalDate(report.periodEnd, locale)}`],
    ['resources.reports.fields.revision', String(report.revision)],
    ['resources.reports.fields.dueOn', formatLocalDate(report.dueOn, locale)],
    ['resources.reports.fields.deliveryStatus', report.deliveryStatus ? enumLabel('ExpectedReportStatus', report.deliveryStatus) : null],
    ['resources.reports.fields.submittedAt', formatDateTime(report.submittedAt, locale)],
    ['resources.reports.fields.progress', report.progress === null ? null : `${report.progress}%`],
  ];
  return (
    <Box sx={{ pb: 4 }}>
      <Actions />
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 2 }}>
        <ReportStatusChip status={report.status} />
        <Typography variant="h5" component="h1">
          {report.task ? (
            <Link to={`/tasks/${encodeURIComponent(report.task.id)}/show`}>{report.task.title}</Link>
          ) : (
            report.document?.symbol
          )}
        </Typography>
      </Stack>
      {report.status === 'RETURNED' && report.reviewComment ? (
        <Alert severity="warning" sx={{ mb: 2 }} className="review-comment">
          <b>{translate('resources.reports.fields.reviewComment')}:</b> {report.reviewComment}
        </Alert>
      ) : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Card sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="subtitle2" color="text.secondary">
                {translate('resources.reports.fields.text')}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>
                {report.text}
              </Typography>
              {report.targetValues.length ? (
                <>
                  <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 2 }}>
                    {translate('resources.reports.fields.targetValues')}
                  </Typography>
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {report.targetValues.map((entry) => (
                      <li key={entry.targetIndex}>
                        <Typography variant="body2">
                          {report.task?.targets[entry.targetIndex]?.text ?? `#${entry.targetIndex}`}: <b>{entry.value}</b>{' '}
                          {entry.text ?? ''}
                        </Typography>
                      </li>
                    ))}
                  </Box>
                </>
              ) : null}
              {report.attachments.length ? (
                <Typography variant="body2" sx={{ mt: 2 }}>
                  {translate('resources.reports.fields.attachments')}: {report.attachments.map((file) => file.fileName).join(', ')}
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
                {translate('app.report.history')}
              </Typography>
              <Box component="ol" sx={{ m: 0, pl: 2.5 }} className="report-transitions">
                {report.transitions.map((transition, index) => (
                  <li key={index}>
                    <Typography variant="body2">
                      {formatDateTime(transition.at, locale)} · {transition.actorName}:{' '}
                      {transition.fromStatus ? `${enumLabel('ReportStatus', transition.fromStatus)} → ` : ''}
                      {enumLabel('ReportStatus', transition.toStatus)}
                      {transition.comment ? ` — “${transition.comment}”` : ''}
                    </Typography>
                  </li>
                ))}
              </Box>
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </Box>
  );
}
