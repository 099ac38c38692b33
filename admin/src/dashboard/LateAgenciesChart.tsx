// Overdue tasks and missing reports per agency; from the oversight query when the server has it, else from the tasks.
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { DEADLINE_HEX } from '../common/fields';
import { useGraphQL } from '../common/use-graphql';
import { OVERDUE_TASKS, OVERSIGHT } from './dashboard-queries';

interface AgencyRef {
  id: string;
  name: string;
  shortName: string | null;
}

interface OversightAnswer {
  oversight: {
    agencies: {
      agency: AgencyRef;
      tasksByDeadlineStatus: { status: string; count: number }[];
      expectedReportsByStatus: { status: string; count: number }[];
    }[];
  };
}

interface Row {
  agency: string;
  fullName: string;
  overdue: number;
  missing: number;
}

const MAX_AGENCIES = 12;

/** The last five years and this one: a dashboard of everything still open, not of one period. */
function openYears() {
  const year = new Date().getFullYear();
  return { from: `${year - 5}-01-01`, to: `${year}-12-31` };
}

export function LateAgenciesChart() {
  const translate = useTranslate();
  const oversight = useGraphQL<OversightAnswer>(['dashboard-oversight'], OVERSIGHT, openYears(), { retry: false });
  const fallback = useGraphQL<{ tasks: { nodes: { id: string; assignments: { agency: AgencyRef }[] }[] } }>(
    ['dashboard-overdue'],
    OVERDUE_TASKS,
    undefined,
    {
      enabled: oversight.isError,
    },
  );

  let rows: Row[] = [];
  if (oversight.data) {
    rows = oversight.data.oversight.agencies.map(({ agency, tasksByDeadlineStatus, expectedReportsByStatus }) => ({
      agency: agency.shortName || agency.name,
      fullName: agency.name,
      overdue: tasksByDeadlineStatus.find((count) => count.status === 'OVERDUE')?.count ?? 0,
      missing: expectedReportsByStatus.find((count) => count.status === 'MISSING')?.count ?? 0,
    }));
  } else if (fallback.data) {
    const byAgency = new Map<string, Row>();
    for (const task of fallback.data.tasks.nodes) {
      for (const { agency } of task.assignments) {
        const row = byAgency.get(agency.id) ?? { agency: agency.shortName || agency.name, fullName: agency.name, overdue: 0, missing: 0 };
        row.overdue += 1;
        byAgency.set(agency.id, row);
      }
    }
    rows = [...byAgency.values()];
  }
  rows = rows
    .filter((row) => row.overdue + row.missing > 0)
    .sort((a, b) => b.overdue + b.missing - (a.overdue + a.missing))
    .slice(0, MAX_AGENCIES);

  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.dashboard.overdue_by_agency')}
        </Typography>
        {rows.length === 0 && (oversight.data || fallback.data) ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {translate('app.dashboard.no_chart_data')}
          </Typography>
        ) : (
          <Box sx={{ height: 300, mt: 1 }} className="chart-late-agencies">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} layout="vertical" margin={{ left: 10, right: 20 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="agency" width={180} tick={{ fontSize: 11 }} interval={0} />
                <Tooltip labelFormatter={(_, payload) => (payload?.[0]?.payload as Row | undefined)?.fullName ?? ''} />
                <Legend />
                <Bar
                  dataKey="overdue"
                  name={translate('app.dashboard.overdue_tasks')}
                  fill={DEADLINE_HEX.OVERDUE}
                  isAnimationActive={false}
                />
                {oversight.data ? (
                  <Bar dataKey="missing" name={translate('app.dashboard.missing_reports')} fill="#6d4c41" isAnimationActive={false} />
                ) : null}
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
