import { Create, SimpleForm } from 'react-admin';
import { useSearchParams } from 'react-router-dom';

import { TaskInputs } from './TaskInputs';

/** /tasks/create?documentId=…&sourceClauseId=… opens with the clause already chosen (from a document's tree). */
export function TaskCreate() {
  const [search] = useSearchParams();
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{
          documentId: search.get('documentId'),
          sourceClauseId: search.get('sourceClauseId'),
          recurrence: 'NONE',
          kind: 'ACTION',
          progressStatus: 'NOT_STARTED',
          leadIds: [],
          coordinatorIds: [],
          targets: [],
        }}
      >
        <TaskInputs />
      </SimpleForm>
    </Create>
  );
}
