// A year and more of plausible reporting for the demo documents, so that a new user's dashboards are alive: the
// administrator's part first (a calendar for every duty the text leaves at "định kỳ", some tasks finished), then the
// agencies' part (reports on time, late, returned and corrected, missing; progress and target values on the other
// tasks). Seeded and deterministic: the same registry and the same day give the same reports, whatever the UUIDs.
import type { EntityManager } from '@mikro-orm/postgresql';

import type { ExpectedRow } from '../modules/oversight/oversight.service';
import { ReportKind, ReportStatus } from '../modules/report/report.enums';
import { ReportService } from '../modules/report/report.service';
import { addDays } from '../modules/task/deadline';
import { Task } from '../modules/task/task.entity';
import { ProgressStatus, Recurrence, TaskKind } from '../modules/task/task.enums';
import { TaskService } from '../modules/task/task.service';

const SEED = 20250113; // the day the hand-entered demo plan was issued

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RETURN_COMMENTS = [
  'Đề nghị bổ sung số liệu cụ thể theo từng chỉ tiêu.',
  'Báo cáo chưa đúng mẫu; đề nghị chỉnh sửa và gửi lại.',
  'Thiếu phần đánh giá tồn tại, hạn chế và nguyên nhân.',
];

const RESULTS = [
  'Đã quán triệt, triển khai đến toàn thể cán bộ, công chức; không phát sinh vụ việc phức tạp.',
  'Đã tổ chức tuyên truyền, phổ biến; lồng ghép nội dung vào hội nghị giao ban định kỳ.',
  'Đã xây dựng kế hoạch chi tiết, phân công cán bộ theo dõi; tiến độ đảm bảo.',
  'Đã phối hợp kiểm tra, rà soát; kịp thời chấn chỉnh những tồn tại, hạn chế.',
];

export interface DemoReportSummary {
  scheduled: number;
  completed: number;
  reports: number;
}

interface ActionRow {
  task_id: string;
  agency_id: string;
  issued_on: string;
  due_date: string | null;
  targets: { value: number | null }[];
}

export async function generateDemoReports(em: EntityManager, today: string, timeZone: string): Promise<DemoReportSummary> {
  const draw = random(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(draw() * items.length)];
  const days = (min: number, max: number) => min + Math.floor(draw() * (max - min + 1));
  const summary: DemoReportSummary = { scheduled: 0, completed: 0, reports: 0 };
  const tasks = new TaskService(em);
  const reports = new ReportService(em);

  // The administrator gives "định kỳ" duties the usual calendar: six-monthly and yearly reports before the 15th of
  // the period's last month (15/6 and 15/12).
  const unscheduled = await em.find(
    Task,
    { kind: TaskKind.REPORTING, $or: [{ recurrence: { $ne: Recurrence.NONE } }, { dueDate: null }] },
    { orderBy: { title: 'asc', uuid: 'asc' } },
  );
  for (const task of unscheduled) {
    await tasks.update({
      id: task.uuid,
      version: task.version,
      recurrence: task.recurrence === Recurrence.NONE ? Recurrence.SEMIANNUAL : task.recurrence,
      reportingDuty: { reportToId: task.reportTo?.uuid ?? null, reportViaId: task.reportVia?.uuid ?? null, dueDay: 15 },
    });
    summary.scheduled++;
  }

  // Every report the duties expected up to today, in an order that does not depend on UUIDs.
  const expected: Omit<ExpectedRow, 'status' | 'report_id' | 'received_on'>[] = await em.execute(
    `select e.task_id, e.agency_id, e.period_start::text, e.period_end::text, e.due_on::text
     from expected_reports('2000-01-01', ?::date + 45, ?::date, ?, null, null, null) e
     join task t on t.id = e.task_id join clause c on c.id = t.source_clause_id join document d on d.id = c.document_id
     join agency a on a.id = e.agency_id
     order by d.issued_on, d.title, c.tree_order, t.title, a.name, e.period_start`,
    [today, today, timeZone],
  );
  for (const row of expected) {
    const roll = draw();
    const notYetDue = row.due_on >= today;
    if (notYetDue ? roll < 0.6 : roll < 0.15) continue; // missing, or simply not written yet
    const draft = await reports.create({
      taskId: row.task_id,
      agencyId: row.agency_id,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      kind: ReportKind.PERIODIC,
      text: pick(RESULTS),
      progress: days(40, 100),
    });
    summary.reports++;
    if (notYetDue && roll < 0.85) continue; // a draft in the works
    const late = roll > 0.85;
    const receivedOn = minDay(late ? addDays(row.due_on, days(1, 25)) : addDays(row.due_on, -days(0, 12)), today);
    if (receivedOn < row.period_start) continue;
    let report = await reports.submit(draft.uuid, draft.version, { on: receivedOn, today });
    const outcome = draw();
    if (outcome < 0.12) {
      report = await reports.returnToAgency({ id: report.uuid, version: report.version, comment: pick(RETURN_COMMENTS) });
      if (outcome < 0.07) continue; // returned, never corrected
      const revision = await reports.revise(report.uuid, report.version);
      summary.reports++;
      const resubmittedOn = minDay(addDays(receivedOn, days(3, 15)), today);
      report = await reports.submit(revision.uuid, revision.version, { on: resubmittedOn, today });
    }
    if (outcome > 0.3 && report.status === ReportStatus.SUBMITTED) await reports.accept(report.uuid, report.version);
  }

  // The other tasks: half-yearly progress reports from their leads, target values near their goals, and some finished.
  const actions: ActionRow[] = await em.execute(
    `select t.id as task_id, a.agency_id, d.issued_on::text, t.due_date::text, t.targets
     from task t join assignment a on a.task_id = t.id and a.role = 'LEAD' join clause c on c.id = t.source_clause_id
     join document d on d.id = c.document_id join agency g on g.id = a.agency_id
     where t.kind <> 'REPORTING' and d.issued_on is not null
     order by d.issued_on, d.title, c.tree_order, t.title, g.name`,
  );
  const finished = new Set<string>();
  for (const row of actions) {
    let progress = days(5, 30);
    for (const half of halvesBetween(row.issued_on, today).slice(-3)) {
      if (draw() < 0.2) continue;
      progress = Math.min(100, progress + days(10, 35));
      const draft = await reports.create({
        taskId: row.task_id,
        agencyId: row.agency_id,
        periodStart: half.start,
        periodEnd: half.end,
        kind: ReportKind.PERIODIC,
        text: pick(RESULTS),
        progress,
        targetValues: row.targets
          .map((target, targetIndex) => ({ targetIndex, value: target.value == null ? null : round(target.value * (0.6 + draw() * 0.8)) }))
          .filter((value): value is { targetIndex: number; value: number } => value.value != null),
      });
      summary.reports++;
      const submitted = await reports.submit(draft.uuid, draft.version, { on: minDay(addDays(half.end, days(1, 20)), today), today });
      if (draw() < 0.75) await reports.accept(submitted.uuid, submitted.version);
    }
    if (row.due_date && row.due_date < today && !finished.has(row.task_id) && draw() < 0.5) {
      finished.add(row.task_id);
      const task = (await em.findOne(Task, { uuid: row.task_id }))!;
      const completedOn = minDay(draw() < 0.75 ? addDays(row.due_date, -days(0, 20)) : addDays(row.due_date, days(1, 30)), today);
      await tasks.update({ id: task.uuid, version: task.version, progressStatus: ProgressStatus.DONE, completedOn });
      summary.completed++;
    }
  }
  return summary;
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The calendar halves (Jan–Jun, Jul–Dec) that end after `from` and before `today`. */
function halvesBetween(from: string, today: string): { start: string; end: string }[] {
  const halves: { start: string; end: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(today.slice(0, 4)); year++) {
    for (const [start, end] of [
      [`${year}-01-01`, `${year}-06-30`],
      [`${year}-07-01`, `${year}-12-31`],
    ]) {
      if (end > from && end < today) halves.push({ start, end });
    }
  }
  return halves;
}
