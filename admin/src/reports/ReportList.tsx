import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  DateInput,
  ExportButton,
  FilterButton,
  List,
  NullableBooleanInput,
  NumberField,
  ReferenceInput,
  SelectArrayInput,
  TextField,
  TopToolbar,
  usePermissions,
} from 'react-admin';

import { enumChoices, EnumField, LocalDateField } from '../common/fields';
import { can } from '../providers/auth-provider';
import { ReportStatusField } from './ReportStatusField';

const filters = [
  <ReferenceInput key="task" source="taskId" reference="tasks" alwaysOn>
    <AutocompleteInput optionText="title" sx={{ minWidth: 320 }} />
  </ReferenceInput>,
  <ReferenceInput key="agency" source="agencyId" reference="agencies" alwaysOn>
    <AutocompleteInput optionText="name" sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectArrayInput key="status" source="status" choices={enumChoices('ReportStatus')} alwaysOn sx={{ minWidth: 180 }} />,
  <DateInput key="from" source="periodFrom" alwaysOn />,
  <DateInput key="to" source="periodTo" alwaysOn />,
  <SelectArrayInput key="kind" source="kind" choices={enumChoices('ReportKind')} />,
  <SelectArrayInput
    key="delivery"
    source="deliveryStatus"
    choices={enumChoices('ExpectedReportStatus').filter((choice) => ['RECEIVED', 'LATE'].includes(choice.id))}
  />,
  <NullableBooleanInput key="latest" source="latestRevision" />,
];

function Actions() {
  const { permissions: role } = usePermissions();
  return (
    <TopToolbar>
      <FilterButton />
      {can.writeReports(role) ? <CreateButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
}

export function ReportList() {
  return (
    <List filters={filters} actions={<Actions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="task.title" label="resources.reports.fields.task" sortable={false} sx={{ display: 'block', maxWidth: 420 }} />
        <TextField source="agency.name" label="resources.reports.fields.agency" sortable={false} />
        <EnumField source="kind" enumName="ReportKind" sortable={false} />
        <LocalDateField source="periodStart" sortable={false} />
        <LocalDateField source="periodEnd" sortable={false} />
        <NumberField source="revision" sortable={false} />
        <ReportStatusField source="status" sortable={false} />
        <LocalDateField source="dueOn" sortable={false} />
        <EnumField source="deliveryStatus" enumName="ExpectedReportStatus" sortable={false} />
      </Datagrid>
    </List>
  );
}
