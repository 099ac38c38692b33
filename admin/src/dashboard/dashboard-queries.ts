export const DEADLINE_STATUSES = ['OVERDUE', 'DUE_SOON', 'ON_TRACK', 'DONE_LATE', 'DONE_ON_TIME'] as const;

/** One count per deadline status, through the tasks connection (totalCount only). */
export const TASKS_BY_STATUS = `query {
  all: tasks(first: 1) { totalCount }
  ${DEADLINE_STATUSES.map((status) => `${status}: tasks(first: 1, filter: { deadlineStatus: [${status}] }) { totalCount }`).join('\n')}
}`;

/** Per agency: overdue tasks and missing reports (the oversight query of the reports workflow). */
export const OVERSIGHT = `query($from: LocalDate!, $to: LocalDate!) {
  oversight(from: $from, to: $to) {
    today
    agencies {
      agency { id name shortName }
      tasksByDeadlineStatus { status count }
      expectedReportsByStatus { status count }
    }
  }
}`;

/** Without the oversight query: overdue tasks counted per assigned agency from the tasks themselves. */
export const OVERDUE_TASKS = `query {
  tasks(first: 100, filter: { deadlineStatus: [OVERDUE] }) { totalCount nodes { id assignments { agency { id name shortName } } } }
}`;

export const RECENT_DOCUMENTS = `query {
  documents(first: 8, filter: { referenced: false }, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
    nodes { id kind symbol title issuedOn issuer { name } }
  }
}`;

export const SEARCH_EVERYTHING = `query($search: String!) {
  documents(first: 5, filter: { search: $search }) { totalCount nodes { id kind symbol title } }
  clauses(first: 5, filter: { search: $search }) { totalCount nodes { id path text citation } }
  tasks(first: 5, filter: { search: $search }) { totalCount nodes { id title deadlineStatus } }
  agencies(first: 5, filter: { search: $search }) { totalCount nodes { id name } }
}`;
