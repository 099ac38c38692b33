// What each field of Task and Assignment reads, for the request's column plan (server/graphql/column-plan.ts). A field
// left out here makes a query that asks it read whole rows; a field listed with too few properties fails loudly (the
// row reader's guard), so keep this beside the resolvers it describes.
import { RECORD_COLUMNS } from '../../database/record.columns';
import type { EntityColumns } from '../../graphql/column-plan';
import { TASK_TRACE_FIELD } from '../trace/trace.columns';

export const TASK_COLUMNS: EntityColumns = {
  entity: 'Task',
  fields: {
    ...RECORD_COLUMNS,
    title: ['title'],
    description: ['description'],
    dueDate: ['dueDate'],
    duePhrase: ['duePhrase'],
    recurrence: ['recurrence'],
    kind: ['kind'],
    progressStatus: ['progressStatus'],
    completedOn: ['completedOn'],
    targets: ['targets'],
    // Computed in SQL from the task's key (task_deadline_status()).
    deadlineStatus: [],
    sourceClause: ['sourceClause'],
    document: { Task: ['sourceClause'], Clause: ['document'] },
    assignments: [],
    parentTask: ['parentTask'],
    childTasks: [],
    trace: TASK_TRACE_FIELD,
  },
};

export const ASSIGNMENT_COLUMNS: EntityColumns = {
  entity: 'Assignment',
  fields: {
    ...RECORD_COLUMNS,
    role: ['role'],
    requested: ['requested'],
    inherited: ['inherited'],
    agency: ['agency'],
    task: ['task'],
  },
};
