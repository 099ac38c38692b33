import { Create, SimpleForm } from 'react-admin';

import { DocumentInputs } from './DocumentInputs';

export function DocumentCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ kind: 'PLAN', status: 'IN_EFFECT' }}>
        <DocumentInputs />
      </SimpleForm>
    </Create>
  );
}
