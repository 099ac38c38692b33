// Reads the tasks a document hands out from its clause tree: which clauses are duties, who leads and who coordinates
// each (from the parenthetical after it, its own words, a heading above it or the preamble), by when, how often,
// towards what targets, and to whom the duty is reported.
import { ClauseKind } from '../clause/clause.enums';
import { TaskKind } from '../task/task.enums';
import type { DraftClause, DraftTarget, DraftTask } from './draft';
import {
  type AssignmentReading,
  flatten,
  readAddressees,
  readAgencyList,
  readAssignment,
  readHeadingAssignment,
  readSentenceAssignment,
  splitAgencyNames,
} from './parse-agencies';
import { readTargets } from './parse-targets';
import { readTime, type TimeReading } from './parse-time';

export interface ExtractionContext {
  /** Date of issue (YYYY-MM-DD): the year of a deadline that leaves it out. */
  issuedOn: string | null;
}

/** Who carries out a duty. */
interface Assignment {
  leads: string[];
  coordinators: string[];
  /** Names addressed with "Đề nghị" (asked, not ordered). */
  requested: string[];
  /** The names do not stand in the clause itself. */
  inherited: boolean;
  /** What the reading had to guess. */
  guesses: string[];
}

/** Whether the clauses below a heading hand out duties: all of them, only those naming a body, or none. */
type Scope = 'duty' | 'explicit' | 'none';

/** What a clause says by itself. */
interface ClauseReading {
  /** The text without the assignment parenthetical, paragraphs joined with "\n". */
  body: string;
  parenthetical: Assignment | null;
  /** "Công an tỉnh, Viện kiểm sát …" or "Đề nghị Ủy ban Mặt trận …" as the heading. */
  heading: Assignment | null;
  /** The subject or "Giao …" / "Đề nghị …" opening the body. */
  inline: AssignmentReading | null;
  /** Where the duty begins in the first segment of the body, after the inline assignment. */
  dutyStart: number;
  /** Labelled lines ("Cơ quan chủ trì: …; Thời gian thực hiện: …") after the duty or in its parenthetical. */
  attributes: Attributes | null;
  /** Partners named where the duty opens with its role ("Chủ trì, phối hợp với Sở Tư pháp tổ chức …"). */
  partners: string[];
}

/** What labelled lines say: who leads, who coordinates, by when (as written). */
interface Attributes {
  leads: string[];
  coordinators: string[];
  requested: string[];
  due: string | null;
}

// Part headings. Context parts (purpose, situation, objectives) hand out no duties; a heading beginning with words of
// the situation wins over duty words further on ("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ").
const CONTEXT_FIRST = /^(?:ĐÁNH GIÁ|TÌNH HÌNH|KẾT QUẢ|THỰC TRẠNG|BỐI CẢNH|CĂN CỨ|SỰ CẦN THIẾT|QUY ĐỊNH CHUNG|NHỮNG QUY ĐỊNH CHUNG)/u;
const DUTY_WORDS =
  /NHIỆM VỤ|GIẢI PHÁP|PHÂN CÔNG|TỔ CHỨC THỰC HIỆN|TRÁCH NHIỆM|NỘI DUNG|CÔNG VIỆC|BIỆN PHÁP|HOẠT ĐỘNG|BÁO CÁO|CÔNG TÁC|TRIỂN KHAI|THI HÀNH/u;
const CONTEXT_WORDS = /MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|QUAN ĐIỂM|NGUYÊN TẮC|PHẠM VI|ĐỐI TƯỢNG|CHỈ TIÊU/u;
// Parts that hand out a duty only where a body is named ("Kinh phí … Giao Sở Tài chính …").
const EXPLICIT_WORDS = /KINH PHÍ|THỜI GIAN|ĐỊA ĐIỂM|THÀNH PHẦN/u;
/** A sub-heading changes the scope only when it is short and starts with the category ("1. Mục tiêu chung"). */
const SUBHEADING_MAX = 60;
const startsWith = (pattern: RegExp) => new RegExp(`^(?:${pattern.source})`, 'u');
const SUBHEADING_DUTY = startsWith(DUTY_WORDS);
const SUBHEADING_CONTEXT = startsWith(CONTEXT_WORDS);
const SUBHEADING_EXPLICIT = startsWith(EXPLICIT_WORDS);

/** Clauses of the decision wrapped around a plan, or the closing formula: no duty. */
const BOILERPLATE =
  /^(?:Ban hành kèm theo|(?:Quyết định|Chỉ thị|Kế hoạch|Quy định|Nghị quyết|Văn bản|Thông tư) này có hiệu lực|Bãi bỏ|Trên đây là)|chịu trách nhiệm thi hành (?:Quyết định|Chỉ thị|Nghị quyết|Thông tư) này/iu;

/** A clause whose text only leads in to its sub-clauses ("…, cụ thể như sau:"). */
const LEAD_IN_END = /(?::|(?:như sau|sau đây|cụ thể|gồm|bao gồm|các nội dung sau|các nhiệm vụ sau|trọng tâm sau|sau))\s*[:.]?$/iu;

// "Cơ quan chủ trì: Công an tỉnh", "- Phối hợp: Sở Tư pháp", "Thời gian thực hiện: Quý II/2025".
const ATTRIBUTE_LABEL =
  '[-–+•*\\s]*(?:(?:cơ quan|đơn vị)\\s+)?(?:chủ trì|phối hợp|thực hiện|thời gian(?:\\s+(?:thực hiện|hoàn thành))?|thời hạn(?:\\s+hoàn thành)?|tiến độ(?:\\s+(?:thực hiện|hoàn thành))?)\\s*:';
const ATTRIBUTE_BREAK = new RegExp(`[;.]\\s*(?=${ATTRIBUTE_LABEL})`, 'iu');
const ATTRIBUTE_LINE = new RegExp(`^(${ATTRIBUTE_LABEL})\\s*(.*?)[\\s.;]*$`, 'iu');
// "Chế độ báo cáo: …", "Về tuyên truyền: …": a topic named before the sentence.
const TOPIC_LABEL = /^[^:;,.()]{2,40}:\s+/u;
// A duty that opens with its role, after the bodies were named above it ("Chủ trì, phối hợp với các sở tổ chức …").
const ROLE_OPENING = /^(?:chủ trì(?:\s*,\s*|\s+))?(phối hợp(?: chặt chẽ)?(?: với| cùng)?)\s+/iu;

const ROLE_WORDS =
  /(?<![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])(?:đồng chủ trì|chủ trì|phối hợp|thực hiện|hướng dẫn|đề nghị|chịu trách nhiệm)(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/iu;

// Reporting duties: "báo cáo" followed by what or to whom, not "báo cáo" in a list of nouns ("phản ánh, báo cáo, tố giác").
const REPORT = /[Bb]áo cáo/gu;
const REPORT_NEXT =
  /^(?:\s+(?:kết quả|tình hình|định kỳ|tiến độ|sơ kết|tổng kết|việc|về|gửi|lên|cho|cấp trên|cấp có thẩm quyền|theo quy định|theo định kỳ|hằng|hàng|\()|\s*$|\s*[.;,]\s*$)/u;
// Words that open a reporting duty before its "báo cáo" ("định kỳ tổ chức sơ kết, tổng kết, báo cáo …").
const REPORT_CHAIN = [
  'tổng hợp kết quả',
  'định kỳ 6 tháng',
  'hằng năm',
  'hàng năm',
  'hằng quý',
  'hàng quý',
  'hằng tháng',
  'hàng tháng',
  'định kỳ',
  'tham mưu',
  'tổ chức',
  'tổng hợp',
  'sơ kết',
  'tổng kết',
  'đánh giá',
  'thường xuyên',
  'kịp thời',
  'xây dựng',
  'gửi',
  'có',
];
const REPORT_OPENING =
  /^(?:(?:đồng thời|bên cạnh đó),?\s+)?(?:định kỳ|hằng năm|hàng năm|hằng quý|hàng quý|hằng tháng|hàng tháng|cuối năm|tổng hợp|tham mưu)(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/iu;
const REPORT_RECIPIENT = /(?<![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])(?:gửi về|gửi|về|lên|tới|cho)\s+/gu;

const COOPERATION = /(?<![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])(?:tích cực |chủ động )?phối hợp(?: chặt chẽ)?(?: với| cùng)?(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/giu;
const PREPOSITION = /^(?:trong|về|để|nhằm|đối với|tại|theo(?! dõi)|trên)(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/iu;

const MONITORING_VERB = /^(?:theo dõi|đôn đốc|kiểm tra|giám sát|thanh tra)(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/u;
const MONITORING_PREFIX = /^(?:(?:tổ chức|tăng cường|thường xuyên|định kỳ|tham mưu|tiến hành|thực hiện|công tác)\s+)+/u;

// Letters and digits as ranges (Latin with Vietnamese): \p{L} costs milliseconds to compile in every pattern using it.
const WORD_CHAR = /[A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ]/u;
const LETTER = /[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]/u;

const TITLE_MAX = 160;
const SOFT_CUT_MIN = 40;
const HARD_CUT = /[;:!?\n]|\.(?=\s|$)/u;
// Where the purpose or the consequences of a duty begin; "không để", "khi để" are not purposes.
const SOFT_CUT = /(?<!(?:không|khi|chưa|đừng))(?:,?\s(?:nhằm|để|góp phần)\s|,\s(?:qua đó|trong đó|tạo)\s)/giu;
const TITLE_OPENERS = [
  'thường xuyên',
  'kịp thời',
  'khẩn trương',
  'tích cực',
  'đồng thời',
  'bên cạnh đó',
  'ngoài ra',
  'có trách nhiệm',
  'chịu trách nhiệm',
  'cần',
  'phải',
];
// "Chủ động nghiên cứu …" opens a duty; "Chủ động các biện pháp phòng ngừa" is the duty.
const ACTIVE_OPENER =
  /^chủ động(?:,\s*|\s+(?=(?:nghiên cứu|tham mưu|triển khai|phối hợp|thực hiện|rà soát|nắm|xây dựng|tổ chức|đề xuất|phát hiện|kiểm tra|theo dõi|phòng ngừa|kịp thời)(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])))/iu;
const QUALIFIER_OPENER = /^(?:theo|căn cứ(?: vào)?) chức năng,? nhiệm vụ(?:,? quyền hạn)?(?: được giao)?\s*,?\s*/iu;
// After "căn cứ chức năng, nhiệm vụ, đặc điểm địa bàn, …", the duty starts at its verb.
const DUTY_VERB =
  /(?<![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])(?:xây dựng|tổ chức|triển khai|lãnh đạo|chỉ đạo|thực hiện|tập trung|rà soát|ban hành|tham mưu|khẩn trương|chủ động)(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/iu;
const CAN_CU = 'căn cứ'.length;
const LONG_TITLE_CUTS = [' phù hợp với ', ' theo quy định', ' trong hoạt động ', ' đối với ', ' trong ', ' tại ', ', ', ' và '];
const LONG_CUT_MIN = 60;
const TITLE_TAILS = /(?:,?\s+(?:như|theo quy định(?: của pháp luật)?|theo đúng quy định(?: của pháp luật)?|theo quy định hiện hành))+$/iu;
const DANGLING =
  /(?:[\s,–-]+|\s+(?:và|các|của|về|trong|với|cho|đối với|những|theo|tại|ở|là|để|nhằm|hoặc|cùng|trên|từ|đến|bảo đảm|đảm bảo|bao đảm|như))+$/iu;

/** The tasks a clause tree hands out, and what the reading could not settle. */
export function extractTasks(clauses: DraftClause[], context: ExtractionContext): { tasks: DraftTask[]; warnings: string[] } {
  const preamble = clauses.find((clause) => clause.path === 'preamble');
  const addressed = preamble ? readAddressees(preamble.text) : null;
  const addressees: Assignment | null = addressed
    ? { leads: addressed.names, coordinators: [], requested: addressed.requested ? addressed.names : [], inherited: true, guesses: [] }
    : null;
  const reader = new TaskReader(context.issuedOn, addressees);
  reader.readList(clauses, 'duty', null, true);
  return { tasks: reader.tasks, warnings: reader.warnings };
}

class TaskReader {
  readonly tasks: DraftTask[] = [];
  readonly warnings: string[] = [];
  private readonly readings = new Map<DraftClause, ClauseReading>();

  constructor(
    private readonly issuedOn: string | null,
    private readonly addressees: Assignment | null,
  ) {}

  readList(clauses: DraftClause[], scope: Scope, inherited: Assignment | null, topLevel: boolean): void {
    let previousRow: { path: string; leads: string[]; coordinators: string[] } | null = null;
    clauses.forEach((clause, index) => {
      if (clause.path === 'preamble') return;
      if (clause.table) {
        previousRow = this.readRow(clause, inherited, previousRow);
        return;
      }
      const clauseScope = scopeOf(clause, scope, topLevel);
      if (clauseScope === 'none') return;
      if (clause.children.length > 0) this.readParent(clause, clauseScope, inherited);
      // One parenthetical may close a run of bullets; a numbered clause has its own.
      else if (clause.kind === ClauseKind.BULLET) this.readLeaf(clause, clauseScope, inherited, () => this.assignmentAfter(clauses, index));
      else this.readLeaf(clause, clauseScope, inherited, null);
    });
  }

  private readParent(clause: DraftClause, scope: Scope, inherited: Assignment | null): void {
    const reading = this.reading(clause);
    const named = ownAssignment(reading);
    const handedDown = named ? { ...named, inherited: true } : inherited;
    const described = this.attributesOfChildren(clause);
    if (described) {
      // "- Cơ quan chủ trì: …", "- Thời gian thực hiện: …" printed as bullets describe the clause above them.
      const assignment = withPartners(described.leads.length ? fromAttributes(described) : (named ?? inherited), reading, described);
      this.addTasks(clause, titleSourceOf(clause, reading), reading.body, assignment, { ...reading, attributes: described });
      return;
    }
    const block = named ? null : this.blockAssignment(clause);
    if (block) {
      // One parenthetical after the last of several bullets assigns them all: the parent is the task.
      const texts = [reading.body, ...clause.children.map((child) => this.reading(child).body)];
      const last = this.reading(clause.children.at(-1)!);
      this.addTasks(clause, titleSourceOf(clause, reading), texts.filter(Boolean).join('\n'), block, {
        ...reading,
        attributes: last.attributes,
      });
      return;
    }
    const structural = clause.kind === ClauseKind.PART || clause.label === '' || /^\(.*\)$/su.test(reading.body.trim());
    if (!structural && !isLeadIn(reading.body) && !BOILERPLATE.test(reading.body)) this.readLeaf(clause, scope, inherited, null);
    this.readList(clause.children, scope, handedDown, false);
  }

  private readLeaf(
    clause: DraftClause,
    scope: Scope,
    inherited: Assignment | null,
    following: (() => { assignment: Assignment; path: string } | null) | null,
  ): void {
    const reading = this.reading(clause);
    if (!reading.body.trim() && !clause.heading) return;
    if (BOILERPLATE.test(reading.body.trim())) return;
    if (scope === 'explicit' || clause.kind === ClauseKind.PARAGRAPH) {
      if (!ownAssignment(reading) && !inherited) return;
    }
    let assignment = ownAssignment(reading);
    if (!assignment && following) {
      const next = following();
      if (next) {
        assignment = { ...next.assignment, inherited: true };
        this.warnings.push(
          `Clause ${clause.path} names no body; the assignment printed after ${next.path} (${describe(next.assignment)}) was applied to it: check it`,
        );
      }
    }
    assignment ??= inherited ?? this.addressees;
    this.addTasks(clause, titleSourceOf(clause, reading), reading.body, withPartners(assignment, reading, reading.attributes), reading);
  }

  /** The labelled lines that make up every sub-clause of a clause, when they name a body. */
  private attributesOfChildren(clause: DraftClause): Attributes | null {
    const children = clause.children;
    if (children.length === 0 || children.some((child) => child.children.length > 0 || child.table || child.heading)) return null;
    return readAttributes(children.flatMap((child) => attributeParts(flatten(child.text))));
  }

  /** The parenthetical of the next sibling that has one, when the siblings in between name no body either. */
  private assignmentAfter(siblings: DraftClause[], index: number): { assignment: Assignment; path: string } | null {
    for (const sibling of siblings.slice(index + 1)) {
      if (sibling.kind !== ClauseKind.BULLET || sibling.children.length > 0 || sibling.table) return null;
      const reading = this.reading(sibling);
      const printedAfter = reading.parenthetical ?? (reading.attributes?.leads.length ? fromAttributes(reading.attributes) : null);
      if (printedAfter) return { assignment: printedAfter, path: sibling.path };
      if (reading.heading || reading.inline) return null;
    }
    return null;
  }

  /** The parenthetical after the last of several leaf sub-clauses when none of the others names a body. */
  private blockAssignment(clause: DraftClause): Assignment | null {
    const children = clause.children;
    if (clause.kind === ClauseKind.PART || children.length < 2) return null;
    if (children.some((child) => child.kind !== ClauseKind.BULLET || child.children.length > 0 || child.table)) return null;
    const readings = children.map((child) => this.reading(child));
    const last = readings.at(-1)!;
    const printedAfter = last.parenthetical ?? (last.attributes?.leads.length ? fromAttributes(last.attributes) : null);
    if (!printedAfter) return null;
    if (readings.slice(0, -1).some((reading) => ownAssignment(reading))) return null;
    return printedAfter;
  }

  private reading(clause: DraftClause): ClauseReading {
    let reading = this.readings.get(clause);
    if (!reading) {
      reading = readClause(clause);
      this.readings.set(clause, reading);
    }
    return reading;
  }

  /** The task of a clause, and a second one when it also asks for a report further on. */
  private addTasks(
    clause: DraftClause,
    title: { text: string; fromHeading: boolean },
    body: string,
    assignment: Assignment | null,
    reading: ClauseReading | null,
  ): void {
    const segments = segmentsOf(body);
    const dutyStart = reading && !title.fromHeading ? reading.dutyStart : 0;
    let report: { to: string | null; via: string | null } | null = null;
    const reportSegments: { segment: string; start: number; at: number }[] = [];
    for (const [index, segment] of segments.entries()) {
      const match = findReport(segment);
      if (!match) continue;
      const start = chainStart(segment, match.index);
      // A duty that is itself the report ("UBND các huyện báo cáo kết quả định kỳ 6 tháng về UBND tỉnh").
      if (index === 0 && !title.fromHeading && start <= dutyStart + 1) report = recipientOf(segment, match.index);
      else reportSegments.push({ segment, start, at: match.index });
    }
    const reported = new Set(reportSegments.map(({ segment }) => segment));
    const dutyText = [title.fromHeading ? title.text : '', ...segments.filter((segment) => !reported.has(segment))]
      .filter(Boolean)
      .join('; ');
    const mainTitle =
      titleOf(title.fromHeading ? title.text : (segments[0] ?? '').slice(dutyStart)) || titleOf(body) || `Nhiệm vụ ${clause.path}`;
    const kind = report ? TaskKind.REPORTING : kindOf(mainTitle);
    const due = reading?.attributes?.due;
    const time = due ? readTime(due, this.issuedOn, { cell: true }) : readTime(dutyText, this.issuedOn);
    this.push(clause.path, mainTitle, kind, assignment, time, readTargets(dutyText), report);

    if (reportSegments.length > 0) {
      const first = reportSegments[0];
      const recipients = reportSegments.map(({ segment, at }) => recipientOf(segment, at));
      const to = recipients.find((recipient) => recipient.to)?.to ?? null;
      const via = recipients.find((recipient) => recipient.via)?.via ?? null;
      // "định kỳ tham mưu sơ kết, tổng kết việc triển khai thực hiện, báo cáo …": the whole part is the duty.
      const opening = REPORT_OPENING.test(first.segment) ? 0 : first.start;
      const reportTitle = titleOf(first.segment.slice(opening)) || 'Báo cáo kết quả thực hiện';
      const time = readTime(reportSegments.map(({ segment }) => segment).join('; '), this.issuedOn);
      const reporters = assignment ? { ...assignment, coordinators: [] } : null;
      this.push(clause.path, reportTitle, TaskKind.REPORTING, reporters, time, [], { to, via }, false);
    }
  }

  private push(
    path: string,
    title: string,
    kind: TaskKind,
    assignment: Assignment | null,
    time: TimeReading,
    targets: DraftTarget[],
    report: { to: string | null; via: string | null } | null,
    warn = true,
  ): void {
    const leads = unique(assignment?.leads ?? []);
    const coordinators = unique(assignment?.coordinators ?? []).filter((name) => !leads.includes(name));
    const asked = assignment?.requested ?? [];
    const requested = leads.some((name) => asked.includes(name));
    if (warn) {
      if (leads.length === 0) this.warnings.push(`Clause ${path} names no body to carry out "${title}": choose its lead agency`);
      for (const guess of assignment?.guesses ?? []) this.warnings.push(`Clause ${path} ${guess}: check it`);
      const ordered = leads.filter((name) => !asked.includes(name));
      if (requested && ordered.length > 0) {
        this.warnings.push(
          `Clause ${path} asks ("Đề nghị") ${leads.filter((name) => asked.includes(name)).join(', ')} but orders ${ordered.join(', ')}; the task is marked requested for all`,
        );
      }
    }
    this.tasks.push({
      clausePath: path,
      title,
      kind,
      leads,
      coordinators,
      requested,
      inherited: assignment?.inherited ?? false,
      due: time.due,
      recurrence: time.recurrence,
      targets,
      reportTo: report?.to ?? null,
      reportVia: report?.via ?? null,
    });
  }

  /** A row of a task table: columns say which cell holds the duty, the bodies and the deadline. */
  private readRow(
    row: DraftClause,
    inherited: Assignment | null,
    previous: { path: string; leads: string[]; coordinators: string[] } | null,
  ): { path: string; leads: string[]; coordinators: string[] } | null {
    const table = row.table!;
    const roles = columnRoles(table.columns);
    if (roles.title === undefined) return previous;
    const cell = (index: number | undefined) => (index === undefined ? '' : flatten(table.cells[index] ?? ''));
    const duty = cell(roles.title);
    const leadCell = cell(roles.leads);
    const coordinatorCell = cell(roles.coordinators);
    const dueCell = cell(roles.due);
    const assignmentCell = cell(roles.assignment);
    if (!duty) return previous;
    // A row with only a label and a title groups the rows below it ("I | Công tác tuyên truyền").
    if (!leadCell && !coordinatorCell && !dueCell && !assignmentCell) return null;

    let assignment: Assignment | null = null;
    if (assignmentCell) {
      const reading = readAssignment(assignmentCell, 0, 'parenthetical');
      if (reading) assignment = fromReading(reading, false);
    } else if (leadCell || coordinatorCell) {
      const leads = namesInCell(leadCell);
      assignment = {
        leads: leads.names,
        coordinators: namesInCell(coordinatorCell).names,
        requested: leads.requested ? leads.names : [],
        inherited: false,
        guesses: [],
      };
    }
    if (!assignment?.leads.length && previous) {
      // Merged cells: the lead printed once for several rows.
      assignment = {
        leads: previous.leads,
        coordinators: assignment?.coordinators ?? previous.coordinators,
        requested: [],
        inherited: true,
        guesses: [],
      };
      this.warnings.push(`Table row ${row.path} has no lead agency; the one of row ${previous.path} was applied to it: check it`);
    }
    assignment ??= inherited;
    const time = dueCell ? readTime(dueCell, this.issuedOn, { cell: true }) : readTime(duty, this.issuedOn);
    const title = titleOf(duty) || duty;
    const reporting = findReport(duty);
    const report = reporting && chainStart(duty, reporting.index) === 0 ? recipientOf(duty, reporting.index) : null;
    this.push(row.path, title, report ? TaskKind.REPORTING : kindOf(title), assignment, time, readTargets(duty), report);
    return assignment?.leads.length ? { path: row.path, leads: assignment.leads, coordinators: assignment.coordinators } : previous;
  }
}

/** The scope below a clause, from its heading when the heading names a category of content. */
function scopeOf(clause: DraftClause, parent: Scope, topLevel: boolean): Scope {
  if (!clause.heading) return parent;
  const heading = flatten(clause.heading).toLocaleUpperCase('vi');
  const part = topLevel || clause.kind === ClauseKind.PART;
  if (!part && heading.length > SUBHEADING_MAX) return parent;
  if (CONTEXT_FIRST.test(heading)) return 'none';
  if ((part ? DUTY_WORDS : SUBHEADING_DUTY).test(heading)) return 'duty';
  if ((part ? CONTEXT_WORDS : SUBHEADING_CONTEXT).test(heading)) return 'none';
  if ((part ? EXPLICIT_WORDS : SUBHEADING_EXPLICIT).test(heading)) return 'explicit';
  return parent;
}

function isLeadIn(body: string): boolean {
  const text = body.trim();
  return text === '' || LEAD_IN_END.test(text);
}

/** The parenthetical that closes a clause, the heading and the opening words, each read for the bodies they name. */
function readClause(clause: DraftClause): ClauseReading {
  const paragraphs = clause.text
    .split(/\n+/)
    .map((paragraph) => flatten(paragraph))
    .filter(Boolean);
  let parenthetical: Assignment | null = null;
  let attributes: Attributes | null = null;
  const last = paragraphs.at(-1);
  const ownLine = last ? /^\((.+)\)\s*[.;]?$/su.exec(last) : null;
  if (ownLine && balanced(ownLine[1])) {
    attributes = readAttributes(attributeParts(ownLine[1]));
    parenthetical = attributes ? null : parentheticalAssignment(ownLine[1], false);
    if (parenthetical || attributes) paragraphs.pop();
  } else if (last) {
    // "(Công an tỉnh chủ trì, …)" at the end of the last sentence rather than on a line of its own.
    const trailing = /\(([^()]{5,400})\)\s*[.;]?\s*$/u.exec(last);
    if (trailing) {
      attributes = readAttributes(attributeParts(trailing[1]));
      parenthetical = attributes ? null : parentheticalAssignment(trailing[1], true);
      if (parenthetical || attributes) paragraphs[paragraphs.length - 1] = last.slice(0, trailing.index).trim();
    }
  }
  if (!parenthetical && !attributes) {
    // Labelled lines closing the clause: each a paragraph, or several in one separated by ";".
    let first = paragraphs.length;
    while (first > 1 && attributeParts(paragraphs[first - 1]).every((part) => part.includes(':') && ATTRIBUTE_LINE.test(part))) first--;
    if (first < paragraphs.length) {
      attributes = readAttributes(paragraphs.slice(first).flatMap(attributeParts));
      if (attributes) paragraphs.length = first;
    }
  }
  const body = paragraphs.join('\n');
  const headingReading = clause.heading ? readHeadingAssignment(clause.heading) : null;
  const heading = headingReading ? fromReading(headingReading, false) : null;
  const first = segmentsOf(body, 1)[0] ?? '';
  let inline = readSentenceAssignment(first);
  let topic = 0;
  const label = inline ? null : TOPIC_LABEL.exec(first);
  if (label) {
    // "Chế độ báo cáo: Các cơ quan, đơn vị báo cáo …": the subject follows the topic.
    topic = label[0].length;
    const after = readSentenceAssignment(first.slice(topic));
    inline = after && { ...after, end: after.end + topic };
  }
  let dutyStart = inline ? dutyStartAfter(first, inline.end) : topic;
  const partners: string[] = [];
  const opening = ROLE_OPENING.exec(first.slice(dutyStart));
  if (opening) {
    const relaxed = /(?:với|cùng)$/u.test(opening[1]);
    const list = readAgencyList(first, dutyStart + opening[0].length, { relaxed });
    if (list && list.end < first.length) {
      partners.push(...list.names);
      const next = list.end + /^[\s,:–-]*/u.exec(first.slice(list.end))![0].length;
      // The title keeps "Phối hợp với Y …" (the bodies above support Y) and "phối hợp chặt chẽ với lực lượng Công an
      // trong hoạt động …" (the cooperation is the duty); it drops "Chủ trì, phối hợp với Y" before the duty's verb.
      const leads = /^chủ trì/iu.test(opening[0]);
      if (leads && !PREPOSITION.test(first.slice(next))) dutyStart = next;
    }
  }
  return { body, parenthetical, heading, inline, dutyStart, attributes, partners };
}

/** A paragraph cut where a new label begins ("Cơ quan chủ trì: A; cơ quan phối hợp: B; C"), not inside a list of names. */
function attributeParts(paragraph: string): string[] {
  if (!paragraph.includes(':')) return [paragraph];
  return paragraph.split(ATTRIBUTE_BREAK).filter((part) => part.trim());
}

/** Labelled lines, when every one of them is a label this reader knows and one names a body. */
function readAttributes(lines: string[]): Attributes | null {
  const attributes: Attributes = { leads: [], coordinators: [], requested: [], due: null };
  for (const line of lines) {
    const labelled = line.includes(':') ? ATTRIBUTE_LINE.exec(line) : null;
    if (!labelled) return null;
    const [, label, value] = labelled;
    if (/thời gian|thời hạn|tiến độ/iu.test(label)) {
      attributes.due = value || null;
      continue;
    }
    const names = namesInCell(value);
    (/phối hợp/iu.test(label) ? attributes.coordinators : attributes.leads).push(...names.names);
    if (names.requested) attributes.requested.push(...names.names);
  }
  return attributes.leads.length > 0 || attributes.coordinators.length > 0 ? attributes : null;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** The assignment in a parenthetical, when it reads as one ("(có danh sách kèm theo)" does not). */
function parentheticalAssignment(content: string, needsRole: boolean): Assignment | null {
  const text = flatten(content);
  if (/^qua\s/iu.test(text)) return null;
  const reading = readAssignment(text, 0, 'parenthetical');
  if (!reading || reading.leads.length === 0) return null;
  const whole = reading.end >= text.replace(/[\s.;,]+$/u, '').length - 1;
  if (!ROLE_WORDS.test(text) && (needsRole || !whole)) return null;
  return fromReading(reading, false);
}

/** The bodies a clause names itself: after it, in labelled lines, in its heading or opening its sentence. */
function ownAssignment(reading: ClauseReading): Assignment | null {
  if (reading.parenthetical) return reading.parenthetical;
  if (reading.attributes?.leads.length) return fromAttributes(reading.attributes);
  if (reading.heading) return reading.heading;
  return reading.inline ? fromReading(reading.inline, false) : null;
}

function fromAttributes(attributes: Attributes): Assignment {
  return { leads: attributes.leads, coordinators: attributes.coordinators, requested: attributes.requested, inherited: false, guesses: [] };
}

/** An assignment with the partners a duty names besides it ("Chủ trì, phối hợp với Y …", "Cơ quan phối hợp: Y"). */
function withPartners(assignment: Assignment | null, reading: ClauseReading, attributes: Attributes | null): Assignment | null {
  const partners = [...reading.partners, ...(attributes && attributes.leads.length === 0 ? attributes.coordinators : [])];
  if (!assignment || partners.length === 0) return assignment;
  return { ...assignment, coordinators: [...assignment.coordinators, ...partners] };
}

function fromReading(reading: AssignmentReading, inherited: boolean): Assignment {
  return {
    leads: reading.leads,
    coordinators: reading.coordinators,
    requested: reading.requested,
    inherited,
    guesses: reading.guesses,
  };
}

/**
 * Where the duty begins after an opening assignment. When the bodies are told to cooperate and nothing else
 * ("Đề nghị X phối hợp chặt chẽ với lực lượng Công an trong hoạt động điều tra", "X phối hợp tuyên truyền …"),
 * the cooperation is the duty.
 */
function dutyStartAfter(segment: string, end: number): number {
  const start = end + /^[\s,:–-]*/u.exec(segment.slice(end))![0].length;
  const before = segment.slice(0, start);
  const cooperation = [...before.matchAll(COOPERATION)].at(-1);
  if (!cooperation) return start;
  const bare = before.slice(cooperation.index).trim() === cooperation[0].trim();
  if (bare || PREPOSITION.test(segment.slice(start))) return cooperation.index ?? start;
  return start;
}

/** Where the title comes from: the heading when it states the duty, else the body. */
function titleSourceOf(clause: DraftClause, reading: ClauseReading): { text: string; fromHeading: boolean } {
  const heading = clause.heading ? flatten(clause.heading) : '';
  // A part's heading ("TỔ CHỨC THỰC HIỆN") and a topic ("Công tác tuyên truyền") name what the body is about, not the duty.
  const category = clause.kind === ClauseKind.PART || heading === heading.toLocaleUpperCase('vi');
  const topic =
    category || /^(?:Công tác|Về|Đối với|Trách nhiệm|Nhiệm vụ|Chế độ|Kinh phí|Thời gian)(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/iu.test(heading);
  const ownSentence = Boolean(reading.inline) && reading.body.trim() !== '';
  if (heading && !reading.heading && !ownSentence && (!topic || !reading.body.trim())) return { text: heading, fromHeading: true };
  return { text: reading.body, fromHeading: false };
}

const SEGMENT_MARKS = /[();\n]|[.!?](?=\s|$)/g;

/** Sentences and semicolon-separated parts of a text, without splitting inside parentheses. */
function segmentsOf(text: string, limit = Infinity): string[] {
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const segment = text.slice(start, end).trim();
    if (segment) segments.push(segment);
    start = end + 1;
  };
  // Only the characters that open, close or end something are visited.
  for (const mark of text.matchAll(SEGMENT_MARKS)) {
    if (segments.length >= limit) break;
    const at = mark.index ?? 0;
    const char = mark[0];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === '\n' && depth > 0) {
      // A parenthesis left open by a page break closes in the next paragraph; one that never closes is a slip.
      const next = text.indexOf(')', at);
      const reopen = text.indexOf('(', at);
      if (next < 0 || (reopen >= 0 && reopen < next)) {
        depth = 0;
        push(at);
      }
    } else if (depth === 0) push(at);
  }
  if (segments.length < limit) push(text.length);
  return segments;
}

/** The first "báo cáo" of a segment that asks for a report. */
function findReport(segment: string): { index: number } | null {
  for (const match of segment.matchAll(REPORT)) {
    const index = match.index ?? 0;
    if (LETTER.test(segment[index - 1] ?? '')) continue;
    const rest = segment.slice(index + match[0].length);
    // "báo cáo Ủy ban nhân dân tỉnh": a body named right after it.
    const next = /^\s+(\S)/u.exec(rest)?.[1] ?? '';
    if (REPORT_NEXT.test(rest) || next !== next.toLowerCase()) return { index };
  }
  return null;
}

/** Where a reporting duty begins: back from its "báo cáo" over the words that open it ("định kỳ tổ chức sơ kết, …"). */
function chainStart(segment: string, at: number): number {
  let start = at;
  for (;;) {
    const before = segment.slice(0, start).replace(/[\s,]+$/u, '');
    const lower = before.toLowerCase();
    const word = REPORT_CHAIN.find(
      (candidate) => lower.endsWith(candidate) && !WORD_CHAR.test(lower[lower.length - candidate.length - 1] ?? ''),
    );
    if (!word) return start;
    start = before.length - word.length;
  }
}

/** To whom a report goes ("về UBND tỉnh", "báo cáo Ủy ban nhân dân tỉnh") and through whom ("(qua Công an tỉnh)"). */
function recipientOf(segment: string, at: number): { to: string | null; via: string | null } {
  // The purpose after "để" is the recipient's own onward report ("để tổng hợp, báo cáo Thủ tướng Chính phủ").
  let text = segment.slice(at).replace(/\((?!\s*qua\s)[^()]*\)/gu, ' ');
  const purpose = /\s(?:để|nhằm)\s/u.exec(text);
  if (purpose) text = text.slice(0, purpose.index);
  const starts = ['báo cáo'.length];
  for (const match of text.matchAll(REPORT_RECIPIENT)) starts.push((match.index ?? 0) + match[0].length);
  for (const start of starts) {
    const list = readAgencyList(text, start);
    if (!list) continue;
    const via = /^\s*\(\s*qua\s+([^()]+)\)/u.exec(text.slice(list.end));
    return { to: list.names[0], via: via ? via[1].trim() : viaAnywhere(text) };
  }
  return { to: null, via: viaAnywhere(text) };
}

function viaAnywhere(text: string): string | null {
  const via = /\(\s*qua\s+([^()]+)\)/u.exec(text);
  return via ? via[1].trim() : null;
}

/** A short imperative title: the first clause of the duty's sentence, without openers, asides and purpose. */
function titleOf(sentence: string): string {
  let text = flatten(sentence.split('\n')[0] ?? '').replace(/\s*\((?!\s*qua\s)[^()]*\)/gu, '');
  for (let changed = true; changed;) {
    changed = false;
    const lower = text.toLowerCase();
    const opener = TITLE_OPENERS.find((word) => lower.startsWith(word) && !WORD_CHAR.test(lower[word.length] ?? ''));
    const active = ACTIVE_OPENER.exec(text);
    const verb = /^căn cứ(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/iu.test(text) ? DUTY_VERB.exec(text.slice(CAN_CU, 200)) : null;
    const qualifier = QUALIFIER_OPENER.exec(text);
    if (opener) text = text.slice(opener.length);
    else if (active) text = text.slice(active[0].length);
    else if (verb) text = text.slice(CAN_CU + verb.index);
    else if (qualifier) text = text.slice(qualifier[0].length);
    else break;
    text = text.replace(/^[\s,:]+/u, '');
    changed = true;
  }
  const hard = HARD_CUT.exec(text);
  if (hard) text = text.slice(0, hard.index);
  for (const cut of text.matchAll(SOFT_CUT)) {
    if ((cut.index ?? 0) < SOFT_CUT_MIN) continue;
    text = text.slice(0, cut.index);
    break;
  }
  text = text.replace(TITLE_TAILS, '').replace(/[\s,.;:–-]+$/u, '');
  if (text.length > TITLE_MAX) {
    // Drop the qualifying tail of a long duty ("… phù hợp với tình hình thực tế …") rather than cut a word group.
    const cut = LONG_TITLE_CUTS.map((words) => text.lastIndexOf(words, TITLE_MAX)).find((at) => at >= LONG_CUT_MIN);
    text = text.slice(0, cut ?? text.lastIndexOf(' ', TITLE_MAX)).replace(DANGLING, '');
  }
  text = text.trim();
  return text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : '';
}

/** MONITORING when the duty's first verb oversees (theo dõi, đôn đốc, kiểm tra, giám sát), else ACTION. */
function kindOf(title: string): TaskKind {
  const lower = title.toLowerCase().replace(MONITORING_PREFIX, '');
  const firstVerbs = lower.split(/,\s*|\s+và\s+/u).filter((piece) => !/^hướng dẫn(?![A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ])/u.test(piece));
  return firstVerbs.length > 0 && MONITORING_VERB.test(firstVerbs[0]) ? TaskKind.MONITORING : TaskKind.ACTION;
}

/** Column indexes by what the header says. */
function columnRoles(columns: string[]): { title?: number; leads?: number; coordinators?: number; due?: number; assignment?: number } {
  const roles: { title?: number; leads?: number; coordinators?: number; due?: number; assignment?: number } = {};
  columns.forEach((column, index) => {
    const header = flatten(column).toLowerCase();
    if (!header || /^(?:stt|tt|số tt|số thứ tự)$/u.test(header)) return;
    if (/thời gian|thời hạn|tiến độ|hoàn thành|mốc/u.test(header)) roles.due ??= index;
    else if (/chủ trì/u.test(header) && /phối hợp/u.test(header)) roles.assignment ??= index;
    else if (/phối hợp/u.test(header)) roles.coordinators ??= index;
    else if (/chủ trì|thực hiện|cơ quan|đơn vị|trách nhiệm/u.test(header)) roles.leads ??= index;
    else if (/nhiệm vụ|nội dung|công việc|hoạt động|tên|giải pháp|đề án/u.test(header)) roles.title ??= index;
  });
  return roles;
}

function namesInCell(cell: string): { names: string[]; requested: boolean } {
  const requested = /^đề nghị\s/iu.test(cell);
  const text = cell.replace(/^đề nghị\s+/iu, '');
  return { names: text ? splitAgencyNames(text) : [], requested };
}

function describe(assignment: Assignment): string {
  const parts = [`${assignment.leads.join(', ')} lead`];
  if (assignment.coordinators.length) parts.push(`${assignment.coordinators.join(', ')} coordinate`);
  return parts.join('; ');
}

function unique(names: string[]): string[] {
  return [...new Set(names.map((name) => name.trim()).filter(Boolean))];
}
