// Integrators' tokens: the secret is shown once, right after creation; revoking refuses it from then on.
import { Alert, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Create,
  CreateButton,
  Datagrid,
  DateTimeInput,
  List,
  required,
  SelectArrayInput,
  SimpleForm,
  TextField,
  TextInput,
  Title,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

import { DateTimeField, enumChoices, EnumField } from '../common/fields';
import { useGraphQLMutation } from '../common/use-graphql';
import { can } from '../providers/auth-provider';

const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id status } }`;

function RevokeButton(_: { label?: string }) {
  const token = useRecordContext<{ id: string; status: string }>();
  const translate = useTranslate();
  const revoke = useGraphQLMutation<unknown, { id: string }>(REVOKE, { success: 'app.token.revoked' });
  if (!token || token.status !== 'ACTIVE') return null;
  return (
    <Button
      size="small"
      color="error"
      onClick={(event) => {
        event.stopPropagation();
        revoke.mutate({ id: token.id });
      }}
    >
      {translate('app.token.revoke')}
    </Button>
  );
}

function Actions() {
  const { permissions: role } = usePermissions();
  return <TopToolbar>{can.manageAccounts(role) ? <CreateButton /> : null}</TopToolbar>;
}

export function ApiTokenList() {
  const { permissions: role } = usePermissions();
  return (
    <List
      filters={[<SelectArrayInput key="status" source="status" choices={enumChoices('ApiTokenStatus')} alwaysOn sx={{ minWidth: 180 }} />]}
      actions={<Actions />}
      perPage={25}
    >
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <EnumField source="status" enumName="ApiTokenStatus" sortable={false} />
        <DateTimeField source="createdAt" sortable={false} />
        <DateTimeField source="expiresAt" sortable={false} />
        <DateTimeField source="lastUsedAt" sortable={false} />
        <TextField source="createdBy.username" label="resources.apiTokens.fields.createdBy" sortable={false} emptyText="" />
        {can.manageAccounts(role) ? <RevokeButton label="" /> : null}
      </Datagrid>
    </List>
  );
}

export function ApiTokenCreate() {
  const translate = useTranslate();
  const [secret, setSecret] = useState<string | null>(null);
  if (secret) {
    return (
      <Card sx={{ mt: 2, maxWidth: 760 }}>
        <Title title={translate('app.token.secret_title')} />
        <CardContent>
          <Typography variant="h6">{translate('app.token.secret_title')}</Typography>
          <Alert severity="warning" sx={{ my: 1 }}>
            {translate('app.token.secret_once')}
          </Alert>
          <Box
            component="code"
            className="token-secret"
            sx={{ display: 'block', p: 1.5, bgcolor: '#f4f4f4', wordBreak: 'break-all', fontSize: 15 }}
          >
            {secret}
          </Box>
          <Button component={RouterLink} to="/apiTokens" sx={{ mt: 2 }}>
            {translate('ra.action.back')}
          </Button>
        </CardContent>
      </Card>
    );
  }
  return (
    <Create redirect={false} mutationOptions={{ onSuccess: (data) => setSecret(String((data as { secret?: string }).secret ?? '')) }}>
      <SimpleForm>
        <TextInput source="name" validate={required()} sx={{ minWidth: 400 }} />
        <DateTimeInput source="expiresAt" />
      </SimpleForm>
    </Create>
  );
}
