// What a provincial office looks at first: tasks by deadline status, who is late, recent documents, and one search box.
import { Box, Card, CardContent, Chip, Grid, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Link, Title, useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { DEADLINE_HEX, useDocumentName, useEnumLabel } from '../common/fields';
import { formatLocalDate } from '../common/format';
import { useGraphQL } from '../common/use-graphql';
import { DEADLINE_STATUSES, RECENT_DOCUMENTS, TASKS_BY_STATUS } from './dashboard-queries';
import { GlobalSearch } from './GlobalSearch';
import { LateAgenciesChart } from './LateAgenciesChart';

export function Dashboard() {
  const translate = useTranslate();
  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('app.dashboard.title')} />
      <Grid container spacing={2}>
        <Grid size={12}>
          <GlobalSearch />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <TasksByStatus />
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <LateAgenciesChart />
        </Grid>
        <Grid size={12}>
          <RecentDocuments />
        </Grid>
      </Grid>
    </Box>
  );
}

function TasksByStatus() {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const { data } = useGraphQL<Record<string, { totalCount: number }>>(['dashboard-status'], TASKS_BY_STATUS);
  const rows = DEADLINE_STATUSES.map((status) => ({
    status,
    label: enumLabel('DeadlineStatus', status),
    count: data?.[status]?.totalCount ?? 0,
  }));
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.dashboard.tasks_by_status')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.dashboard.total_tasks')}: {data?.all.totalCount ?? '…'}
        </Typography>
        <Box sx={{ height: 220, mt: 1 }} className="chart-tasks-by-status">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} layout="vertical" margin={{ left: 20, right: 20 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Bar dataKey="count" name={translate('resources.tasks.name', { smart_count: 2 })} isAnimationActive={false}>
                {rows.map((row) => (
                  <Cell key={row.status} fill={DEADLINE_HEX[row.status]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Box>
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ mt: 1 }}>
          {rows.map((row) => (
            <Chip
              key={row.status}
              component={RouterLink}
              to={`/tasks?filter=${encodeURIComponent(JSON.stringify({ deadlineStatus: [row.status] }))}`}
              clickable
              label={`${row.label}: ${row.count}`}
              sx={{ bgcolor: DEADLINE_HEX[row.status], color: '#fff' }}
              className={`status-count-${row.status}`}
            />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}

function RecentDocuments() {
  const translate = useTranslate();
  const documentName = useDocumentName();
  const [locale] = useLocaleState();
  const { data } = useGraphQL<{
    documents: {
      nodes: { id: string; kind: string; symbol: string | null; title: string; issuedOn: string | null; issuer: { name: string } | null }[];
    };
  }>(['dashboard-recent'], RECENT_DOCUMENTS);
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.dashboard.recent_documents')}
        </Typography>
        <List dense>
          {(data?.documents.nodes ?? []).map((document) => (
            <ListItem key={document.id} disableGutters>
              <ListItemText
                primary={<Link to={`/documents/${encodeURIComponent(document.id)}/show`}>{documentName(document)}</Link>}
                secondary={[document.issuer?.name, formatLocalDate(document.issuedOn, locale), document.title].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}
