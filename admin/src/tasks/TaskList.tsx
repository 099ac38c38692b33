import { Chip, Stack } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  DateInput,
  ExportButton,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TopToolbar,
  useListContext,
  usePermissions,
  useRecordContext,
} from 'react-admin';

import { DeadlineStatusField, enumChoices, LocalDateField, useDocumentName } from '../common/fields';
import { can } from '../providers/auth-provider';

const documentOption = (record: { symbol?: string | null; title?: string }) =>
  record.symbol ? `${record.symbol} — ${record.title}` : (record.title ?? '');

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="agency" source="agencyId" reference="agencies" alwaysOn>
    <AutocompleteInput optionText="name" sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="role" source="role" choices={enumChoices('AssignmentRole')} alwaysOn sx={{ minWidth: 140 }} />,
  <SelectArrayInput key="deadline" source="deadlineStatus" choices={enumChoices('DeadlineStatus')} alwaysOn sx={{ minWidth: 200 }} />,
  <ReferenceInput key="document" source="documentId" reference="documents" alwaysOn filter={{ referenced: false }}>
    <AutocompleteInput optionText={documentOption} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <DateInput key="dueFrom" source="dueFrom" />,
  <DateInput key="dueTo" source="dueTo" />,
  <SelectArrayInput key="progress" source="progressStatus" choices={enumChoices('ProgressStatus')} />,
];

function TaskListActions() {
  const { permissions: role } = usePermissions();
  return (
    <TopToolbar>
      <FilterButton />
      {can.edit(role) ? <CreateButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
}

function AssignmentsField(_: { label?: string }) {
  const record = useRecordContext<{
    id: string;
    assignments: { role: string; agency: { id: string; name: string; shortName: string | null } }[];
  }>();
  const { filterValues } = useListContext();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap sx={{ maxWidth: 360 }}>
      {record.assignments.map((assignment) => (
        <Chip
          key={`${assignment.role}-${assignment.agency.id}`}
          size="small"
          variant={assignment.role === 'LEAD' ? 'filled' : 'outlined'}
          color={assignment.agency.id === filterValues.agencyId ? 'primary' : 'default'}
          label={assignment.agency.shortName || assignment.agency.name}
          title={assignment.agency.name}
        />
      ))}
    </Stack>
  );
}

function DocumentCell(_: { label?: string }) {
  const record = useRecordContext<{
    id: string;
    document: { kind: string; symbol: string | null; title: string };
    sourceClause: { path: string };
  }>();
  const documentName = useDocumentName();
  if (!record) return null;
  return (
    <span>
      {documentName(record.document)} · {record.sourceClause.path}
    </span>
  );
}

export function TaskList() {
  return (
    <List filters={filters} actions={<TaskListActions />} sort={{ field: 'dueDate', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" sx={{ display: 'block', maxWidth: 480 }} />
        <DeadlineStatusField source="deadlineStatus" sortable={false} />
        <LocalDateField source="dueDate" />
        <DocumentCell label="resources.tasks.fields.sourceClause" />
        <AssignmentsField label="resources.tasks.fields.assignments" />
      </Datagrid>
    </List>
  );
}
