export const DOCUMENT_DETAILS = /* GraphQL */ `
  query DocumentDetails($id: ID!) {
    document(id: $id) {
      id
      version
      kind
      symbol
      title
      issuedOn
      place
      status
      referenced
      signerName
      signerTitle
      issuer {
        id
        name
      }
      progress {
        taskCount
        doneCount
        percentDone
        averageProgress
        tasksByDeadlineStatus {
          status
          count
        }
      }
      recipients {
        name
        purpose
        agency {
          id
        }
      }
      lineage {
        depth
        type
        citationText
        from {
          id
          symbol
          kind
          title
        }
        to {
          id
          symbol
          kind
          title
          referenced
        }
        citingClause {
          id
          path
          citation
        }
      }
      implementedBy {
        depth
        type
        from {
          id
          symbol
          kind
          title
          referenced
        }
        to {
          id
          symbol
          kind
          title
        }
        citingClause {
          id
          path
          citation
        }
      }
      clauses {
        id
        version
        path
        label
        kind
        heading
        text
        depth
        position
        parent {
          id
        }
        tasks {
          id
          title
          deadlineStatus
          dueDate
          duePhrase
          assignments {
            role
            requested
            agency {
              id
              name
              shortName
            }
          }
        }
      }
    }
  }
`;

export interface DocumentRef {
  id: string;
  symbol: string | null;
  kind: string;
  title: string;
  referenced?: boolean;
}

export interface LineageStep {
  depth: number;
  type: string;
  citationText?: string | null;
  from: DocumentRef;
  to: DocumentRef;
  citingClause: { id: string; path: string; citation: string } | null;
}

export interface ClauseTask {
  id: string;
  title: string;
  deadlineStatus: string;
  dueDate: string | null;
  duePhrase: string | null;
  assignments: { role: string; requested: boolean; agency: { id: string; name: string; shortName: string | null } }[];
}

export interface ClauseRow {
  id: string;
  version: number;
  path: string;
  label: string;
  kind: string;
  heading: string | null;
  text: string;
  depth: number;
  position: number;
  parent: { id: string } | null;
  tasks: ClauseTask[];
}

export interface DocumentDetails extends DocumentRef {
  version: number;
  issuedOn: string | null;
  place: string | null;
  status: string;
  signerName: string | null;
  signerTitle: string | null;
  issuer: { id: string; name: string } | null;
  progress: {
    taskCount: number;
    doneCount: number;
    percentDone: number;
    averageProgress: number | null;
    tasksByDeadlineStatus: { status: string; count: number }[];
  };
  recipients: { name: string; purpose: string | null }[];
  lineage: LineageStep[];
  implementedBy: LineageStep[];
  clauses: ClauseRow[];
}
