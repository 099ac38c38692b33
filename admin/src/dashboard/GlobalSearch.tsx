// One box that finds documents, clauses, tasks and agencies, with or without diacritics.
import SearchIcon from '@mui/icons-material/Search';
import { Box, Card, CardContent, Grid, InputAdornment, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, useTranslate } from 'react-admin';

import { DeadlineChip, useDocumentName } from '../common/fields';
import { useGraphQL } from '../common/use-graphql';
import { SEARCH_EVERYTHING } from './dashboard-queries';

interface SearchAnswer {
  documents: { totalCount: number; nodes: { id: string; kind: string; symbol: string | null; title: string }[] };
  clauses: { totalCount: number; nodes: { id: string; path: string; text: string; citation: string }[] };
  tasks: { totalCount: number; nodes: { id: string; title: string; deadlineStatus: string }[] };
  agencies: { totalCount: number; nodes: { id: string; name: string }[] };
}

function useDebounced(value: string, delay = 300) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

function Group({ title, total, more, children }: { title: string; total: number; more: string; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <Box className="search-group">
      <Typography variant="subtitle2">
        {translate(title, { smart_count: 2 })} ({total})
      </Typography>
      {total === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.dashboard.no_results')}
        </Typography>
      ) : null}
      <Box component="ul" sx={{ m: 0, pl: 2, '& li': { mb: 0.5 } }}>
        {children}
      </Box>
      {total > 5 ? (
        <Link to={more} sx={{ fontSize: 13 }}>
          …
        </Link>
      ) : null}
    </Box>
  );
}

export function GlobalSearch() {
  const translate = useTranslate();
  const documentName = useDocumentName();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const { data } = useGraphQL<SearchAnswer>(['dashboard-search', search], SEARCH_EVERYTHING, { search }, { enabled: search.length >= 2 });
  const filterLink = (resource: string) => `/${resource}?filter=${encodeURIComponent(JSON.stringify({ q: search }))}`;
  return (
    <Card>
      <CardContent>
        <TextField
          fullWidth
          name="global-search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={translate('app.dashboard.search')}
          helperText={translate('app.dashboard.search_hint')}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
          }}
        />
        {data && search.length >= 2 ? (
          <Grid container spacing={2} sx={{ mt: 1 }} className="search-results">
            <Grid size={{ xs: 12, md: 3 }}>
              <Group title="resources.documents.name" total={data.documents.totalCount} more={filterLink('documents')}>
                {data.documents.nodes.map((document) => (
                  <li key={document.id}>
                    <Link to={`/documents/${encodeURIComponent(document.id)}/show`}>{documentName(document)}</Link>
                    <Typography variant="caption" component="div" color="text.secondary">
                      {document.title.slice(0, 100)}
                    </Typography>
                  </li>
                ))}
              </Group>
            </Grid>
            <Grid size={{ xs: 12, md: 3 }}>
              <Group title="resources.clauses.name" total={data.clauses.totalCount} more="/documents">
                {data.clauses.nodes.map((clause) => (
                  <li key={clause.id}>
                    <Link to={`/trace/clause/${encodeURIComponent(clause.id)}`}>{clause.citation}</Link>
                    <Typography variant="caption" component="div" color="text.secondary">
                      {clause.text.slice(0, 100)}
                    </Typography>
                  </li>
                ))}
              </Group>
            </Grid>
            <Grid size={{ xs: 12, md: 3 }}>
              <Group title="resources.tasks.name" total={data.tasks.totalCount} more={filterLink('tasks')}>
                {data.tasks.nodes.map((task) => (
                  <li key={task.id}>
                    <DeadlineChip status={task.deadlineStatus} />{' '}
                    <Link to={`/tasks/${encodeURIComponent(task.id)}/show`}>{task.title.slice(0, 120)}</Link>
                  </li>
                ))}
              </Group>
            </Grid>
            <Grid size={{ xs: 12, md: 3 }}>
              <Group title="resources.agencies.name" total={data.agencies.totalCount} more={filterLink('agencies')}>
                {data.agencies.nodes.map((agency) => (
                  <li key={agency.id}>
                    <Link to={`/agencies/${encodeURIComponent(agency.id)}/show`}>{agency.name}</Link>
                  </li>
                ))}
              </Group>
            </Grid>
          </Grid>
        ) : null}
      </CardContent>
    </Card>
  );
}
