// The reports reporting duties expect in a range, per agency and period: received, late, missing or not yet due.
import { Chip } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  DateInput,
  List,
  ReferenceInput,
  SelectArrayInput,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { enumChoices, LocalDateField } from '../common/fields';

const COLOURS: Record<string, 'success' | 'warning' | 'error' | 'default'> = {
  RECEIVED: 'success',
  LATE: 'warning',
  MISSING: 'error',
  NOT_YET_DUE: 'default',
};

function StatusChip(_: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<{ id: string; status: string }>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={COLOURS[record.status]} label={translate(`enums.ExpectedReportStatus.${record.status}`)} />;
}

const year = new Date().getFullYear();

const filters = [
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <ReferenceInput key="agency" source="agencyId" reference="agencies" alwaysOn>
    <AutocompleteInput optionText="name" sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectArrayInput key="status" source="status" choices={enumChoices('ExpectedReportStatus')} alwaysOn sx={{ minWidth: 180 }} />,
  <ReferenceInput key="task" source="taskId" reference="tasks">
    <AutocompleteInput optionText="title" sx={{ minWidth: 320 }} />
  </ReferenceInput>,
];

export function ExpectedReportList() {
  return (
    <List
      filters={filters}
      filterDefaultValues={{ from: `${year}-01-01`, to: `${year}-12-31` }}
      perPage={25}
      actions={false}
      exporter={false}
    >
      <Datagrid
        rowClick={(_, __, record) =>
          record.report ? `/reports/${encodeURIComponent(record.report.id)}/show` : `/tasks/${encodeURIComponent(record.task.id)}/show`
        }
        bulkActionButtons={false}
      >
        <TextField source="agency.name" label="resources.expectedReports.fields.agency" sortable={false} />
        <TextField
          source="task.title"
          label="resources.expectedReports.fields.task"
          sortable={false}
          sx={{ display: 'block', maxWidth: 420 }}
        />
        <LocalDateField source="periodStart" sortable={false} />
        <LocalDateField source="periodEnd" sortable={false} />
        <LocalDateField source="dueOn" sortable={false} />
        <StatusChip label="resources.expectedReports.fields.status" />
        <LocalDateField source="receivedOn" sortable={false} />
      </Datagrid>
    </List>
  );
}
