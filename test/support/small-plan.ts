// A document of a test's own: a plan of one part and one section, with one task on the section.
import type { TestClient } from './test-app';

/** Creates the plan `symbol` (clauses I and I.1, the section reading "Làm một việc.") and a task on I.1 led by an agency. */
export async function createSmallPlan(app: TestClient, symbol: string, title: string, taskTitle: string): Promise<{ taskId: string }> {
  const { agencies } = await app.ok(`{ agencies(first: 1) { nodes { id } } }`);
  const { createDocument } = await app.ok(
    `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { clauses { id path } } }`,
    {
      input: {
        kind: 'PLAN',
        symbol,
        title,
        clauses: [{ label: 'I', kind: 'PART', text: '', children: [{ label: '1', kind: 'SECTION', text: 'Làm một việc.' }] }],
      },
    },
  );
  const section = createDocument.clauses.find((clause: { path: string }) => clause.path === 'I.1');
  const { createTask } = await app.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
    input: { sourceClauseId: section.id, title: taskTitle, assignments: [{ agencyId: agencies.nodes[0].id, role: 'LEAD' }] },
  });
  return { taskId: createTask.id };
}
