// The hand-entered Kế hoạch 19/KH-UBND: the reference the importer will be judged against, so it is checked against the seed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';

const seedFile = join(__dirname, '..', '..', 'server', 'demo', 'seeds', 'dak-nong-kh-19-2025-quy-dinh-183.txt');
let app: TestApp;
let plan: any;

/** The seed's words in order, without markdown marks and hard wraps, for "is this text in the document" checks. */
const normalise = (text: string) => text.replace(/\*/g, '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  app = await createTestApp();
  plan = (
    await app.ok(/* GraphQL */ `
      {
        document(symbol: "19/KH-UBND") {
          kind
          symbol
          title
          issuedOn
          place
          status
          referenced
          signerName
          signerTitle
          originalText
          issuer {
            name
            shortName
          }
          recipients {
            name
            agency {
              name
            }
          }
          clauses {
            path
            label
            kind
            heading
            text
            depth
            tasks {
              title
              kind
              duePhrase
              assignments {
                role
                requested
                inherited
                agency {
                  name
                }
              }
            }
          }
        }
      }
    `)
  ).document;
});
afterAll(async () => app?.stop());

describe("the demo plan 19/KH-UBND of the Đắk Nông People's Committee", () => {
  it('keeps the header and the whole original text, flaws included', async () => {
    expect(plan).toMatchObject({
      kind: 'PLAN',
      symbol: '19/KH-UBND',
      issuedOn: '2025-01-13',
      place: 'Đăk Nông',
      status: 'IN_EFFECT',
      referenced: false,
      signerName: 'Hồ Văn Mười',
      issuer: { name: 'Ủy ban nhân dân tỉnh Đắk Nông', shortName: 'UBND tỉnh' },
    });
    expect(plan.title).toMatch(/^Triển khai thực hiện Quy định số 183-QĐ\/TW ngày 18\/9\/2024 của Bộ Chính trị/);
    expect(plan.originalText).toBe(await readFile(seedFile, 'utf8'));
  });

  it("holds every clause with its printed label, and every clause text is the document's own words", async () => {
    const seed = normalise(await readFile(seedFile, 'utf8'));
    expect(plan.clauses.filter((clause: any) => clause.depth === 0).map((clause: any) => clause.path)).toEqual([
      'preamble',
      'I',
      'II',
      'III',
    ]);
    expect(plan.clauses.map((clause: any) => clause.path)).toEqual([
      'preamble',
      'I',
      'I.1',
      'I.2',
      'I.3',
      'II',
      'II.1',
      'II.2',
      'II.2.1',
      'II.2.2',
      'II.2.3',
      'II.2.4',
      'II.2.5',
      'II.2.6',
      'II.2.7',
      'II.3',
      'II.3.1',
      'II.3.2',
      'II.3.3',
      'II.3.4',
      'II.3.5',
      'II.4',
      'II.5',
      'II.6',
      'II.6.1',
      'II.6.2',
      'III',
      'III.1',
      'III.2',
    ]);
    for (const clause of plan.clauses) {
      for (const paragraph of clause.text.split('\n\n').filter(Boolean)) expect(seed).toContain(normalise(paragraph));
      if (clause.heading) expect(seed).toContain(normalise(clause.heading));
    }
    expect(plan.clauses.find((clause: any) => clause.path === 'II.2.5').text).toContain('Trường hợp vụ việc có tính chất phức tạp');
  });

  it('hands out the tasks the clauses name, with leads and coordinators', async () => {
    const tasksAt = (path: string) => plan.clauses.find((clause: any) => clause.path === path).tasks;
    const agencies = (task: any, role: string) =>
      task.assignments
        .filter((assignment: any) => assignment.role === role)
        .map((assignment: any) => assignment.agency.name)
        .sort();

    expect(plan.clauses.flatMap((clause: any) => clause.tasks)).toHaveLength(21);
    for (const path of ['II.3.1', 'II.3.2', 'II.3.3', 'II.3.4', 'II.3.5']) {
      const [task] = tasksAt(path);
      expect(agencies(task, 'LEAD')).toEqual([
        'Công an tỉnh Đắk Nông',
        'Cục Thi hành án dân sự tỉnh Đắk Nông',
        'Tòa án nhân dân tỉnh Đắk Nông',
        'Viện kiểm sát nhân dân tỉnh Đắk Nông',
      ]);
      expect(task.assignments.every((assignment: any) => assignment.inherited)).toBe(true);
    }
    expect(agencies(tasksAt('II.4')[0], 'LEAD')).toContain('Báo Đắk Nông');
    expect(tasksAt('II.5')[0].assignments).toEqual([
      { role: 'LEAD', requested: true, inherited: false, agency: { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Nông' } },
    ]);
    const monitoring = tasksAt('III.2').find((task: any) => task.kind === 'MONITORING');
    expect(agencies(monitoring, 'LEAD')).toEqual(['Công an tỉnh Đắk Nông']);
    expect(agencies(monitoring, 'COORDINATOR')).toContain('Văn phòng Ủy ban nhân dân tỉnh Đắk Nông');
    expect(tasksAt('III.2').find((task: any) => task.kind === 'REPORTING').duePhrase).toBe('định kỳ');
  });

  it('keeps Nơi nhận line by line, linked to the agencies it names', async () => {
    expect(plan.recipients).toHaveLength(13);
    expect(plan.recipients[0].name).toBe('Văn phòng Chính phủ');
    expect(plan.recipients.find((recipient: any) => recipient.name === 'Công an tỉnh').agency.name).toBe('Công an tỉnh Đắk Nông');
  });
});
