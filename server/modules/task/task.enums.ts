import { registerEnumType } from 'type-graphql';

export enum TaskKind {
  ACTION = 'ACTION',
  REPORTING = 'REPORTING',
  MONITORING = 'MONITORING',
}

export enum Recurrence {
  NONE = 'NONE',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  SEMIANNUAL = 'SEMIANNUAL',
  ANNUAL = 'ANNUAL',
}

export enum ProgressStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

/** Derived at query time from due date and completion; never stored. */
export enum DeadlineStatus {
  ON_TRACK = 'ON_TRACK',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  DONE_ON_TIME = 'DONE_ON_TIME',
  DONE_LATE = 'DONE_LATE',
}

/** chủ trì = LEAD, phối hợp = COORDINATOR */
export enum AssignmentRole {
  LEAD = 'LEAD',
  COORDINATOR = 'COORDINATOR',
}

export enum TargetComparator {
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
  BELOW = 'BELOW',
  ABOVE = 'ABOVE',
  REDUCE_BY_AT_LEAST = 'REDUCE_BY_AT_LEAST',
  INCREASE_BY_AT_LEAST = 'INCREASE_BY_AT_LEAST',
}

registerEnumType(TaskKind, { name: 'TaskKind' });
registerEnumType(Recurrence, { name: 'Recurrence' });
registerEnumType(ProgressStatus, { name: 'ProgressStatus' });
registerEnumType(DeadlineStatus, { name: 'DeadlineStatus', description: 'Derived from due date, completion and today' });
registerEnumType(AssignmentRole, { name: 'AssignmentRole', description: 'LEAD = chủ trì, COORDINATOR = phối hợp' });
registerEnumType(TargetComparator, { name: 'TargetComparator' });
