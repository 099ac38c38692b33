// npm run bench:data -- --scale S: a deterministic registry at national scale, bulk-loaded for the benchmark.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { Client } from 'pg';

import { connectDatabase, migrate } from '../server/app';
import { loadConfig } from '../server/config';
import { ClauseKind } from '../server/modules/clause/clause.enums';
import { computePaths } from '../server/modules/clause/clause-path';
import { benchDataDir, openBenchDatabase, PROJECT_ROOT, scaleArgument } from './bench-database';
import { type BulkColumn, BulkTable, loadTables } from './bulk-load';
import { Random } from './random';
import { AGENCY_TYPES, CLAUSE_HEADINGS, OBJECTS, PEOPLE, PROVINCES, ROMAN, TOPICS, VERBS } from './vocabulary';

/** Rows per unit of scale, as issue 7 asks (clauses, assignments and reports come out near these on average). */
export const PER_SCALE = { agencies: 500, documents: 2_000, clauses: 100_000, tasks: 50_000, assignments: 150_000, reports: 200_000 };

const EPOCH = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

interface GeneratedAgency {
  uuid: string;
  place: number;
  type: number;
}

interface GeneratedDocument {
  uuid: string;
  level: number;
  place: number;
  parent: GeneratedDocument | null;
  symbol: string;
  kindName: string;
  clauses: { uuid: string; kind: ClauseKind; path: string }[];
  taskUuids: string[];
}

export interface GeneratedCounts {
  agencies: number;
  documents: number;
  documentRelations: number;
  clauses: number;
  tasks: number;
  assignments: number;
  reports: number;
}

const DOCUMENT_KINDS = [
  { kind: 'REGULATION', name: 'Quy định', code: 'QĐ' },
  { kind: 'DIRECTIVE', name: 'Chỉ thị', code: 'CT' },
  { kind: 'PLAN', name: 'Kế hoạch', code: 'KH' },
  { kind: 'PLAN', name: 'Kế hoạch', code: 'KH' },
  { kind: 'PROGRAM', name: 'Chương trình', code: 'CTr' },
] as const;

/**
 * Levels of the lineage: a few central documents at level 0, implemented by provinces (1), their departments (2),
 * districts (3) and communes (4). A level-k document has a chain of k + 1 documents up to its root; tasks live on
 * levels 2 to 4, so every task traces through 3 to 5 documents.
 */
const LEVEL_SHARES = [0.02, 0.08, 0.3, 0.35, 0.25];

/** `spillDir`: where the tables write their full chunks (BulkTable), or none to hold every row in memory. */
export function generate(scale: number, spillDir?: string, seed = 20261123) {
  const random = new Random(seed);
  const table = (name: string, columns: BulkColumn[]) => new BulkTable(name, columns, spillDir);
  const agencyCount = Math.round(PER_SCALE.agencies * scale);
  const documentCount = Math.round(PER_SCALE.documents * scale);
  const taskCount = Math.round(PER_SCALE.tasks * scale);

  const agencyTable = table('agency', [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['name', 'text'],
    ['short_name', 'text'],
    ['aliases', 'text', 'text[]'],
    ['kind', 'text'],
    ['level', 'text'],
    ['parent_id', 'uuid'],
    ['is_group', 'bool'],
  ]);
  const memberTable = table('agency_group_member', [
    ['group_id', 'uuid'],
    ['member_id', 'uuid'],
  ]);
  const agencies: GeneratedAgency[] = [];
  const agenciesOfPlace = new Map<number, GeneratedAgency[]>();
  for (let index = 0; index < agencyCount; index++) {
    const type = AGENCY_TYPES[index % AGENCY_TYPES.length];
    const placeIndex = Math.floor(index / AGENCY_TYPES.length);
    const province = PROVINCES[placeIndex % PROVINCES.length];
    // Past the 63 provinces, districts: "huyện 2 Gia Lai" keeps every name unique.
    const round = Math.floor(placeIndex / PROVINCES.length);
    const place = round === 0 ? `tỉnh ${province}` : `huyện ${round} ${province}`;
    const agency = { uuid: random.uuid(), place: placeIndex, type: index % AGENCY_TYPES.length };
    agencies.push(agency);
    const siblings = agenciesOfPlace.get(placeIndex) ?? [];
    siblings.push(agency);
    agenciesOfPlace.set(placeIndex, siblings);
    const committee = siblings[AGENCY_TYPES.findIndex((candidate) => candidate.kind === 'PEOPLES_COMMITTEE')];
    agencyTable.push([
      agency.uuid,
      new Date(EPOCH + index * 1000).toISOString(),
      `${type.name} ${place}`,
      type.short ? `${type.short} ${round === 0 ? 'tỉnh' : 'huyện'}` : null,
      `{${[`${type.name} ${province}`, ...(type.short ? [`${type.short} ${province}`] : [])].map((alias) => `"${alias}"`).join(',')}}`,
      type.kind,
      round === 0 ? 'PROVINCE' : 'DISTRICT',
      type.kind === 'DEPARTMENT' && committee ? committee.uuid : null,
      type.group,
    ]);
  }
  for (const members of agenciesOfPlace.values()) {
    const group = members.find((agency) => AGENCY_TYPES[agency.type].group);
    if (!group) continue;
    for (const member of members) if (AGENCY_TYPES[member.type].kind === 'DEPARTMENT') memberTable.push([group.uuid, member.uuid]);
  }
  const issuerTypes = AGENCY_TYPES.map((type, index) => ({ type, index })).filter(({ type }) => type.issues);

  const documentTable = table('document', [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['kind', 'text'],
    ['symbol', 'text'],
    ['title', 'text'],
    ['issued_on', 'date'],
    ['place', 'text'],
    ['issuer_id', 'uuid'],
    ['signer_name', 'text'],
    ['signer_title', 'text'],
    ['status', 'text'],
    ['original_text', 'text'],
    ['recipients', 'text', 'jsonb'],
    ['referenced', 'bool'],
  ]);
  const clauseTable = table('clause', [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['document_id', 'uuid'],
    ['parent_id', 'uuid'],
    ['position', 'int4'],
    ['label', 'text'],
    ['kind', 'text'],
    ['heading', 'text'],
    ['text', 'text'],
    ['path', 'text'],
    ['tree_order', 'int4'],
  ]);
  const relationTable = table('document_relation', [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['from_document_id', 'uuid'],
    ['to_document_id', 'uuid'],
    ['type', 'text'],
    ['citing_clause_id', 'uuid'],
    ['target_clause_id', 'uuid'],
    ['citation_text', 'text'],
  ]);

  const sentence = () =>
    `${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(TOPICS)}${random.chance(0.5) ? `, ${random.pick(VERBS).toLowerCase()} ${random.pick(OBJECTS)}` : ''}.`;

  const levels: GeneratedDocument[][] = LEVEL_SHARES.map(() => []);
  let documentIndex = 0;
  for (let level = 0; level < LEVEL_SHARES.length; level++) {
    const count = level === LEVEL_SHARES.length - 1 ? documentCount - documentIndex : Math.round(documentCount * LEVEL_SHARES[level]);
    for (let n = 0; n < count; n++, documentIndex++) {
      const parent = level === 0 ? null : random.pick(levels[level - 1]);
      const place = parent && level > 1 && random.chance(0.8) ? parent.place : random.int(0, agenciesOfPlace.size - 1);
      const issuerType = level === 0 ? issuerTypes[0] : random.pick(issuerTypes);
      const issuer = agenciesOfPlace.get(place)?.[issuerType.index] ?? null;
      const kind = level === 0 ? DOCUMENT_KINDS[random.int(0, 1)] : random.pick(DOCUMENT_KINDS);
      const symbol = `${documentIndex + 1}/${kind.code}-${issuerType.type.code}`;
      const document: GeneratedDocument = {
        uuid: random.uuid(),
        level,
        place,
        parent,
        symbol,
        kindName: kind.name,
        clauses: [],
        taskUuids: [],
      };
      levels[level].push(document);
      const province = PROVINCES[place % PROVINCES.length];
      const issuedOn = EPOCH + (level * 120 + random.int(0, 110)) * DAY;
      const topic = random.pick(TOPICS);

      // The clause tree: preamble, parts (I, II …), sections (1, 2 …), items (1.1 …), points (a, b …): four levels.
      const nodes: {
        uuid: string;
        parentUuid: string | null;
        position: number;
        label: string;
        kind: ClauseKind;
        heading: string | null;
        text: string;
      }[] = [];
      nodes.push({
        uuid: random.uuid(),
        parentUuid: null,
        position: 0,
        label: '',
        kind: ClauseKind.PARAGRAPH,
        heading: null,
        text: parent
          ? `Thực hiện ${parent.kindName} số ${parent.symbol}, ${issuerType.type.name} ${province} ban hành kế hoạch ${topic}.`
          : `${random.pick(VERBS)} ${topic}.`,
      });
      const parts = random.int(2, 5);
      for (let p = 0; p < parts; p++) {
        const part = {
          uuid: random.uuid(),
          parentUuid: null,
          position: p + 1,
          label: ROMAN[p],
          kind: ClauseKind.PART,
          heading: CLAUSE_HEADINGS[p],
          text: '',
        };
        nodes.push(part);
        const sections = random.int(1, 5);
        for (let s = 0; s < sections; s++) {
          const section = {
            uuid: random.uuid(),
            parentUuid: part.uuid,
            position: s,
            label: `${s + 1}`,
            kind: ClauseKind.SECTION,
            heading: random.chance(0.5) ? random.pick(OBJECTS) : null,
            text: sentence(),
          };
          nodes.push(section);
          const items = random.int(0, 3);
          for (let i = 0; i < items; i++) {
            const item = {
              uuid: random.uuid(),
              parentUuid: section.uuid,
              position: i,
              label: `${s + 1}.${i + 1}`,
              kind: ClauseKind.ITEM,
              heading: null,
              text: `${sentence()} ${sentence()}`,
            };
            nodes.push(item);
            const points = random.int(0, 2) + (random.chance(0.2) ? 1 : 0);
            for (let t = 0; t < points; t++) {
              nodes.push({
                uuid: random.uuid(),
                parentUuid: item.uuid,
                position: t,
                label: `${'abcdefgh'[t]})`,
                kind: ClauseKind.POINT,
                heading: null,
                text: sentence(),
              });
            }
          }
        }
      }
      const paths = computePaths(nodes);
      const treeOrder = new Map([...paths.keys()].map((uuid, order) => [uuid, order]));
      for (const node of nodes) {
        const path = paths.get(node.uuid)!;
        clauseTable.push([
          node.uuid,
          new Date(issuedOn + 3_600_000).toISOString(),
          document.uuid,
          node.parentUuid,
          node.position,
          node.label,
          node.kind,
          node.heading,
          node.text,
          path,
          treeOrder.get(node.uuid)!,
        ]);
        document.clauses.push({ uuid: node.uuid, kind: node.kind, path });
      }
      const originalText = [...paths.keys()]
        .map((uuid) => nodes.find((node) => node.uuid === uuid)!)
        .map((node) => [node.label, node.heading, node.text].filter(Boolean).join(' '))
        .join('\n');
      const recipients = random
        .sample(agenciesOfPlace.get(place) ?? [], 3)
        .map((agency) => ({ name: `${AGENCY_TYPES[agency.type].name} ${province}`, purpose: 'thực hiện', agencyUuid: agency.uuid }));
      documentTable.push([
        document.uuid,
        new Date(issuedOn + 7_200_000).toISOString(),
        kind.kind,
        symbol,
        `${kind.name} ${topic} ${level === 0 ? 'trên phạm vi toàn quốc' : `tỉnh ${province}`}`,
        isoDay(issuedOn),
        level === 0 ? 'Hà Nội' : province,
        level === 0 ? null : (issuer?.uuid ?? null),
        random.pick(PEOPLE),
        level === 0 ? 'Thường trực' : 'Chủ tịch',
        random.chance(0.9) ? 'IN_EFFECT' : 'EXPIRED',
        originalText,
        JSON.stringify(recipients),
        level === 0 && random.chance(0.3),
      ]);
      if (parent) {
        const preamble = document.clauses[0].uuid;
        const target = random.chance(0.3)
          ? random.pick(parent.clauses.filter((clause) => clause.kind !== ClauseKind.PARAGRAPH)).uuid
          : null;
        relationTable.push([
          random.uuid(),
          new Date(issuedOn + 7_200_000).toISOString(),
          document.uuid,
          parent.uuid,
          'IMPLEMENTS',
          preamble,
          target,
          `Thực hiện ${parent.kindName} số ${parent.symbol}`,
        ]);
        if (level > 1 && random.chance(0.2)) {
          const basis = random.pick(levels[random.int(0, level - 2)]);
          relationTable.push([
            random.uuid(),
            new Date(issuedOn + 7_200_000).toISOString(),
            document.uuid,
            basis.uuid,
            'BASED_ON',
            preamble,
            null,
            `Căn cứ ${basis.kindName} số ${basis.symbol}`,
          ]);
        }
      }
    }
  }

  const taskTable = table('task', [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['source_clause_id', 'uuid'],
    ['title', 'text'],
    ['description', 'text'],
    ['due_date', 'date'],
    ['due_phrase', 'text'],
    ['recurrence', 'text'],
    ['kind', 'text'],
    ['progress_status', 'text'],
    ['completed_on', 'date'],
    ['targets', 'text', 'jsonb'],
    ['parent_task_id', 'uuid'],
  ]);
  const assignmentTable = table('assignment', [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['task_id', 'uuid'],
    ['agency_id', 'uuid'],
    ['role', 'text'],
    ['requested', 'bool'],
    ['inherited', 'bool'],
  ]);
  const reportTable = table('report', [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['task_id', 'uuid'],
    ['agency_id', 'uuid'],
    ['period_start', 'date'],
    ['period_end', 'date'],
    ['kind', 'text'],
    ['status', 'text'],
    ['text', 'text'],
    ['progress', 'int2'],
    ['submitted_at', 'timestamptz'],
  ]);

  // Tasks by level, higher documents first, so a task's parent task is always written before it.
  const taskDocuments = [...levels[2], ...levels[3], ...levels[4]];
  const perDocument = taskDocuments.map(() => 0);
  for (let n = 0; n < taskCount; n++) perDocument[random.int(0, taskDocuments.length - 1)] += 1;
  let taskIndex = 0;
  taskDocuments.forEach((document, documentPosition) => {
    const workClauses = document.clauses.filter((clause) => clause.kind !== ClauseKind.PARAGRAPH && clause.kind !== ClauseKind.PART);
    const province = PROVINCES[document.place % PROVINCES.length];
    const local = agenciesOfPlace.get(document.place) ?? [];
    for (let n = 0; n < perDocument[documentPosition]; n++, taskIndex++) {
      const uuid = random.uuid();
      document.taskUuids.push(uuid);
      const dueDay = EPOCH + random.int(300, 1500) * DAY;
      const progress = random.pick(['NOT_STARTED', 'IN_PROGRESS', 'IN_PROGRESS', 'DONE', 'DONE', 'CANCELLED'] as const);
      const completedOn = progress === 'DONE' ? isoDay(dueDay + random.int(-90, 30) * DAY) : null;
      const recurrence = random.pick(['NONE', 'NONE', 'NONE', 'MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL'] as const);
      const parentTasks = document.parent?.taskUuids ?? [];
      const targets = random.chance(0.15)
        ? [{ text: `kéo giảm ít nhất ${random.int(3, 15)}%`, comparator: 'REDUCE_BY_AT_LEAST', value: random.int(3, 15), unit: '%' }]
        : [];
      taskTable.push([
        uuid,
        new Date(EPOCH + 500 * DAY + taskIndex * 1000).toISOString(),
        random.pick(workClauses).uuid,
        `${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(TOPICS)} tỉnh ${province}`,
        random.chance(0.6) ? sentence() : null,
        random.chance(0.9) ? isoDay(dueDay) : null,
        recurrence === 'NONE' ? `trước ngày ${isoDay(dueDay).split('-').reverse().join('/')}` : 'định kỳ',
        recurrence,
        random.pick(['ACTION', 'ACTION', 'ACTION', 'REPORTING', 'MONITORING'] as const),
        progress,
        completedOn,
        JSON.stringify(targets),
        parentTasks.length && random.chance(0.4) ? random.pick(parentTasks) : null,
      ]);
      // Three agencies a task on average, mostly of the document's own place; a lead first.
      const assigned = new Set<GeneratedAgency>();
      const wanted = random.int(2, 4);
      while (assigned.size < wanted)
        assigned.add(local.length && random.chance(0.7) ? random.pick(local) : agencies[random.skewedIndex(agencies.length)]);
      const assignedList = [...assigned];
      assignedList.forEach((agency, position) => {
        assignmentTable.push([
          random.uuid(),
          new Date(EPOCH + 500 * DAY + taskIndex * 1000 + position).toISOString(),
          uuid,
          agency.uuid,
          position === 0 ? 'LEAD' : 'COORDINATOR',
          random.chance(0.1),
          random.chance(0.1),
        ]);
      });
      const reports = random.int(0, 8);
      for (let r = 0; r < reports; r++) {
        const periodStart = Date.UTC(2024, r * 3, 1);
        const periodEnd = Date.UTC(2024, r * 3 + 3, 0);
        const status = random.pick(['DRAFT', 'SUBMITTED', 'SUBMITTED', 'ACCEPTED', 'ACCEPTED', 'RETURNED'] as const);
        reportTable.push([
          random.uuid(),
          new Date(periodEnd + DAY).toISOString(),
          uuid,
          random.pick(assignedList).uuid,
          isoDay(periodStart),
          isoDay(periodEnd),
          r === 3 ? 'INTERIM_REVIEW' : r === 7 ? 'FINAL_REVIEW' : random.chance(0.05) ? 'AD_HOC' : 'PERIODIC',
          status,
          `Kết quả thực hiện quý ${(r % 4) + 1}: ${sentence()}`,
          random.int(0, 100),
          status === 'DRAFT' ? null : new Date(periodEnd + random.int(1, 20) * DAY).toISOString(),
        ]);
      }
    }
  });

  const tables = [agencyTable, memberTable, documentTable, clauseTable, relationTable, taskTable, assignmentTable, reportTable];
  const counts: GeneratedCounts = {
    agencies: agencyTable.length,
    documents: documentTable.length,
    documentRelations: relationTable.length,
    clauses: clauseTable.length,
    tasks: taskTable.length,
    assignments: assignmentTable.length,
    reports: reportTable.length,
  };
  return { tables, counts };
}

async function main(): Promise<void> {
  const scale = scaleArgument();
  const started = performance.now();
  if (!process.env.DATABASE_URL) await rm(benchDataDir(scale), { recursive: true, force: true });
  const database = await openBenchDatabase(scale);
  const spillDir = await mkdtemp(join(PROJECT_ROOT, '.data', `bench-S${scale}-rows-`));
  try {
    const config = loadConfig({ statementTimeoutMs: 0, loadDemoData: false });
    const orm = await connectDatabase(database.url, config);
    await migrate(orm);
    await orm.close();
    const migrated = performance.now();

    const { tables, counts } = generate(scale, spillDir);
    const generated = performance.now();
    // The superuser, when there is one, may check the foreign keys once after the load instead of row by row.
    const client = new Client({ connectionString: database.superuserUrl });
    await client.connect();
    try {
      await loadTables(client, tables);
    } finally {
      await client.end();
    }
    const loaded = performance.now();
    const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    console.log(
      `Scale ${scale}: ${Object.entries(counts)
        .map(([name, count]) => `${count.toLocaleString('en')} ${name}`)
        .join(', ')}`,
    );
    console.log(
      `Migrated in ${seconds(started, migrated)} s, generated in ${seconds(migrated, generated)} s, loaded and indexed in ${seconds(generated, loaded)} s; ${seconds(started, loaded)} s in all.`,
    );
  } finally {
    await rm(spillDir, { recursive: true, force: true });
    await database.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
