// The append-only audit trail: who changed what, when, each field before → after.
import { Box, Typography } from '@mui/material';
import {
  Datagrid,
  DateInput,
  List,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateTimeField, enumChoices, EnumField } from '../common/fields';

const filters = [
  <SelectArrayInput key="action" source="action" choices={enumChoices('AuditAction')} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectInput key="entityType" source="entityType" choices={enumChoices('EntityType')} alwaysOn sx={{ minWidth: 180 }} />,
  <TextInput key="actorName" source="actorName" alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="transactionId" source="transactionId" />,
];

const show = (value: unknown) => (value === null || value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value));

function Changes(_: { label?: string }) {
  const event = useRecordContext<{ id: string; changes: { field: string; before: unknown; after: unknown }[] }>();
  const translate = useTranslate();
  if (!event) return null;
  return (
    <Box sx={{ maxWidth: 640 }}>
      {event.changes.slice(0, 8).map((change) => (
        <Typography key={change.field} variant="body2" sx={{ fontSize: 12, wordBreak: 'break-word' }}>
          <b>{change.field}</b>: <span title={translate('app.audit.before')}>{show(change.before).slice(0, 120)}</span> →{' '}
          <span title={translate('app.audit.after')}>{show(change.after).slice(0, 120)}</span>
        </Typography>
      ))}
      {event.changes.length > 8 ? <Typography variant="caption">… (+{event.changes.length - 8})</Typography> : null}
    </Box>
  );
}

export function AuditEventList() {
  return (
    <List filters={filters} perPage={25} actions={false}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <DateTimeField source="at" sortable={false} />
        <TextField source="actor.name" label="resources.auditEvents.fields.actor" sortable={false} />
        <EnumField source="action" enumName="AuditAction" sortable={false} />
        <EnumField source="entityType" enumName="EntityType" sortable={false} />
        <Changes label="resources.auditEvents.fields.changes" />
      </Datagrid>
    </List>
  );
}
