import { Edit, SimpleForm } from 'react-admin';

import { TaskInputs } from './TaskInputs';

export function TaskEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <TaskInputs />
      </SimpleForm>
    </Edit>
  );
}
