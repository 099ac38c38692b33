// Where the menu's "Truy vết" lands: pick a task to trace.
import { Autocomplete, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { DeadlineChip } from '../common/fields';
import { useGraphQL } from '../common/use-graphql';

const SEARCH_TASKS = `query($search: String) { tasks(first: 20, filter: { search: $search }) { nodes { id title deadlineStatus document { symbol } sourceClause { path } } } }`;

interface TaskOption {
  id: string;
  title: string;
  deadlineStatus: string;
  document: { symbol: string | null };
  sourceClause: { path: string };
}

export function TraceStartPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const { data, isFetching } = useGraphQL<{ tasks: { nodes: TaskOption[] } }>(['trace-start', search], SEARCH_TASKS, {
    search: search || null,
  });
  return (
    <Card sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={translate('app.trace.title')} />
      <CardContent>
        <Typography variant="body1" gutterBottom>
          {translate('app.trace.choose_task')}
        </Typography>
        <Autocomplete
          options={data?.tasks.nodes ?? []}
          loading={isFetching}
          filterOptions={(options) => options}
          getOptionLabel={(task) => task.title}
          onInputChange={(_, value) => setSearch(value)}
          onChange={(_, task) => task && navigate(`/trace/task/${encodeURIComponent(task.id)}`)}
          renderOption={(props, task) => (
            <li {...props} key={task.id}>
              <DeadlineChip status={task.deadlineStatus} />
              &nbsp;{task.title}
              <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                {task.document.symbol} · {task.sourceClause.path}
              </Typography>
            </li>
          )}
          renderInput={(params) => <TextField {...params} label={translate('resources.tasks.fields.q')} />}
        />
      </CardContent>
    </Card>
  );
}
