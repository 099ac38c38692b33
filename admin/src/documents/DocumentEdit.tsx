import { Edit, SimpleForm } from 'react-admin';

import { DocumentInputs } from './DocumentInputs';

/** Pessimistic: a stale version must come back as CONFLICT before the page shows the change as saved. */
export function DocumentEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <DocumentInputs />
      </SimpleForm>
    </Edit>
  );
}
