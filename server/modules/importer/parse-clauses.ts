// The clause tree of a document's body: labels as printed ("I.", "2.1.", "1-", "a)", "-", "Điều 3."), nesting from
// the kind of label rather than from indentation (which plain text loses), hard-wrapped lines joined back.
import { ClauseKind } from '../clause/clause.enums';
import { computePaths } from '../clause/clause-path';
import type { DraftClause } from './draft';
import { isCapitals, type SourceLine } from './normalise-text';

/** Paragraphs of one clause are kept apart as in the registry's texts: by an empty line. */
export const PARAGRAPH_BREAK = '\n\n';

type LabelType = 'APPENDIX' | 'CHAPTER' | 'PART' | 'ARTICLE' | 'NUMBER' | 'LETTER' | 'BULLET';

export interface Label {
  type: LabelType;
  /** As printed, without its closing punctuation: "II", "2.1", "a", "-", "Điều 3", "Phụ lục I". */
  label: string;
  /** For NUMBER, how many numbers: "2.1.1" → 3. */
  depth: number;
  /** The text after the label on the same line. */
  rest: string;
}

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** The label a line begins with, if any. */
export function readLabel(text: string): Label | null {
  let match = /^(PHỤ LỤC|Phụ lục)(?:\s+(số\s+)?([IVXLC]+|\d+))?(?![\p{L}])\s*[.:\-–]?\s*(.*)$/u.exec(text);
  if (match && (isCapitals(match[1]) || match[3] || !match[4])) {
    return { type: 'APPENDIX', label: [match[1], match[3]].filter(Boolean).join(' '), depth: 0, rest: match[4] };
  }
  match = /^(Chương|CHƯƠNG)\s+([IVXLC]+|\d+)(?![\p{L}\d])\s*[.:\-–]?\s*(.*)$/u.exec(text);
  if (match) return { type: 'CHAPTER', label: `${match[1]} ${match[2]}`, depth: 0, rest: match[3] };
  match = /^(Phần|PHẦN)\s+([IVXLC]+|\d+|thứ\s+\p{L}+|THỨ\s+\p{L}+)(?![\p{L}\d])\s*[.:\-–]?\s*(.*)$/u.exec(text);
  if (match) return { type: 'PART', label: `${match[1]} ${match[2]}`, depth: 0, rest: match[3] };
  match = /^(Điều|ĐIỀU)\s+(\d+[a-z]?)(?![\p{L}\d])\s*[.:\-–]?\s*(.*)$/u.exec(text);
  if (match) return { type: 'ARTICLE', label: `${match[1]} ${match[2]}`, depth: 0, rest: match[3] };
  match = /^([IVXLC]{1,7})\s*[.\-–)/]\s*(\S.*)$/u.exec(text);
  if (match && ROMAN.test(match[1])) return { type: 'PART', label: match[1], depth: 0, rest: match[2] };
  // "1.", "1-", "1)", "2.1.", "2.1.1.", "2.1 Text"; the text after it begins with a letter, a quote or a bracket.
  match = /^(\d{1,2}(?:\.\d{1,2})*)(\.|\s*[-–)]|(?=\s))\s*([\p{L}"“(*].*)$/u.exec(text);
  if (match && (match[2] !== '' || match[1].includes('.'))) {
    return { type: 'NUMBER', label: match[1], depth: match[1].split('.').length, rest: match[3] };
  }
  match = /^([a-zđ])\s?[).]\s+(\S.*)$/u.exec(text);
  if (match) return { type: 'LETTER', label: match[1], depth: 0, rest: match[2] };
  match = /^([-+•*–—])\s*(\S.*)$/u.exec(text);
  if (match) return { type: 'BULLET', label: match[1], depth: 0, rest: match[2] };
  return null;
}

const BASE_RANK: Record<Exclude<LabelType, 'NUMBER' | 'BULLET'>, number> = { APPENDIX: 0, CHAPTER: 1, PART: 2, ARTICLE: 3, LETTER: 20 };
const KIND_OF: Record<LabelType, ClauseKind> = {
  APPENDIX: ClauseKind.PART,
  CHAPTER: ClauseKind.PART,
  PART: ClauseKind.PART,
  ARTICLE: ClauseKind.SECTION,
  NUMBER: ClauseKind.SECTION,
  LETTER: ClauseKind.POINT,
  BULLET: ClauseKind.BULLET,
};

/** A sentence ends here: the next line starting in capitals begins a new paragraph. */
function endsSentence(text: string): boolean {
  return /[.:;!?…]["”’)»]*$/u.test(text) || /\.\/\.?$/.test(text);
}

export interface Block {
  text: string;
  label: Label | null;
  /** For a table row, its cells. */
  cells: string[] | null;
  /** Lines were joined into it (a hard-wrapped paragraph). */
  joined?: boolean;
}

/**
 * Lines joined back into paragraphs. A hard-wrapped line continues the paragraph unless it begins a label, or a
 * sentence has ended and a capital follows, or a blank line stands before a capital, or the line changes between
 * capitals and running text (a heading and its body).
 */
export function joinLines(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    const current = blocks.at(-1);
    if (line.cells) {
      blocks.push({ text: line.text, label: null, cells: line.cells });
      continue;
    }
    let label = readLabel(line.text);
    // "chính trị\n- xã hội": a dash inside a wrapped sentence, not a bullet.
    if (label?.type === 'BULLET' && current && !current.cells && /^\p{Ll}/u.test(label.rest) && !endsSentence(current.text)) label = null;
    if (!current || current.cells || label) {
      blocks.push({ text: line.text, label, cells: null });
      continue;
    }
    const startsCapital = /^[\p{Lu}"“(«]/u.test(line.text);
    const startsLower = /^\p{Ll}/u.test(line.text);
    // "Điều 1. Phạm vi điều chỉnh" is an article's title line: its text begins on the next line.
    const articleTitle = current.label?.type === 'ARTICLE' && !current.joined && current.text.length <= 120 && !endsSentence(current.text);
    const newParagraph =
      articleTitle ||
      (!startsLower &&
        ((startsCapital && (line.afterBlank || endsSentence(current.text))) ||
          (!startsCapital && endsSentence(current.text)) ||
          (startsCapital && isCapitals(current.text) !== isCapitals(line.text))));
    if (newParagraph) blocks.push({ text: line.text, label: null, cells: null });
    else {
      current.text = `${current.text} ${line.text}`;
      current.joined = true;
    }
  }
  // The label's text runs on over the joined lines.
  for (const block of blocks) if (block.label) block.label = readLabel(block.text) ?? block.label;
  return blocks;
}

interface Node {
  label: string;
  type: LabelType | 'PARAGRAPH' | 'TABLE' | 'ROW' | 'ATTACHED';
  rank: number;
  rest: string;
  paragraphs: string[];
  heading: string | null;
  children: Node[];
  table?: { columns: string[]; cells: string[] };
  /** For a table, its header row. */
  columns?: string[];
}

export interface ClauseTreeBuilder {
  /** Adds body blocks under the current position. */
  add(block: Block): void;
  /** Starts an attached document or appendix at the root ("Kế hoạch ban hành kèm theo Quyết định …"). */
  attach(label: string, heading: string): void;
  /** Whether any clause was read yet (before that, unlabelled paragraphs are the preamble). */
  readonly started: boolean;
  build(): DraftClause[];
}

/** What a label line says before a colon, when it names who the clause is for ("4. Báo …, Đài …: Phối hợp …"). */
export type HeadingSplitter = (rest: string) => { heading: string; text: string } | null;

export function clauseTreeBuilder(preamble: string[], splitHeading: HeadingSplitter): ClauseTreeBuilder {
  const roots: Node[] = [];
  const stack: Node[] = [];
  const bulletRanks = new Map<string, number>();
  let table: Node | null = null;

  const place = (node: Node) => {
    const parent = stack.at(-1);
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  };

  const rankOf = (label: Label): number => {
    if (label.type === 'NUMBER') return 3 + label.depth;
    if (label.type === 'BULLET') {
      // Bullet symbols nest in the order a document first uses them under a clause.
      if (!bulletRanks.has(label.label)) bulletRanks.set(label.label, 30 + bulletRanks.size);
      return bulletRanks.get(label.label)!;
    }
    return BASE_RANK[label.type];
  };

  const builder: ClauseTreeBuilder = {
    get started() {
      return roots.length > 0;
    },
    add(block: Block) {
      if (block.cells) {
        if (!table) {
          table = {
            label: '',
            type: 'TABLE',
            rank: 90,
            rest: block.text,
            paragraphs: [],
            heading: null,
            children: [],
            columns: block.cells,
          };
          const parent = stack.at(-1);
          (parent ? parent.children : roots).push(table);
          return;
        }
        const first = block.cells[0] ?? '';
        const label = /^(\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6})\.?$/.test(first) ? first.replace(/\.$/, '') : '';
        table.children.push({
          label,
          type: 'ROW',
          rank: 91,
          rest: block.text,
          paragraphs: [],
          heading: null,
          children: [],
          table: { columns: table.columns!, cells: block.cells },
        });
        return;
      }
      table = null;
      const label = block.label;
      if (!label) {
        const current = stack.at(-1);
        if (current) current.paragraphs.push(block.text);
        else if (roots.length === 0) preamble.push(block.text);
        else roots.at(-1)!.paragraphs.push(block.text);
        return;
      }
      const rank = rankOf(label);
      if (label.type === 'BULLET') {
        // A bullet of a symbol already open is its sibling; a new symbol nests under what is open.
        const sibling = stack.findLastIndex((node) => node.type === 'BULLET' && node.label === label.label);
        if (sibling >= 0) stack.length = sibling;
      } else {
        while (stack.length && stack.at(-1)!.rank >= rank) stack.pop();
      }
      place({ label: label.label, type: label.type, rank, rest: label.rest, paragraphs: [], heading: null, children: [] });
    },
    attach(label: string, heading: string) {
      table = null;
      stack.length = 0;
      place({ label, type: 'ATTACHED', rank: -1, rest: '', paragraphs: [], heading, children: [] });
    },
    build() {
      const toDraft = (node: Node): Omit<DraftClause, 'path'> & { path: string } => {
        let heading = node.heading;
        let text = [node.rest, ...node.paragraphs].filter(Boolean).join(PARAGRAPH_BREAK);
        if (node.type === 'TABLE' || node.type === 'ROW') text = node.rest;
        else if (node.type === 'APPENDIX' || node.type === 'CHAPTER' || node.type === 'PART') {
          heading = node.rest || null;
          text = node.paragraphs.join(PARAGRAPH_BREAK);
        } else if (node.type === 'NUMBER' || node.type === 'ARTICLE' || node.type === 'LETTER') {
          const split = splitHeading(node.rest);
          const followed = node.children.length > 0 || node.paragraphs.length > 0;
          if (split) {
            heading = split.heading;
            text = [split.text, ...node.paragraphs].filter(Boolean).join(PARAGRAPH_BREAK);
          } else if (followed && node.rest && !endsSentence(node.rest) && node.rest.length <= 250) {
            heading = node.rest;
            text = node.paragraphs.join(PARAGRAPH_BREAK);
          }
        }
        const kind =
          node.type === 'NUMBER' && node.label.includes('.')
            ? ClauseKind.ITEM
            : node.type === 'ATTACHED' || node.type === 'TABLE'
              ? ClauseKind.PART
              : node.type === 'ROW'
                ? ClauseKind.ITEM
                : node.type === 'PARAGRAPH'
                  ? ClauseKind.PARAGRAPH
                  : KIND_OF[node.type];
        const clause: DraftClause = { path: '', label: node.label, kind, heading, text, children: node.children.map(toDraft) };
        if (node.table) clause.table = node.table;
        return clause;
      };
      const clauses: DraftClause[] = [];
      if (preamble.length)
        clauses.push({
          path: '',
          label: '',
          kind: ClauseKind.PARAGRAPH,
          heading: null,
          text: preamble.join(PARAGRAPH_BREAK),
          children: [],
        });
      clauses.push(...roots.map(toDraft));
      assignPaths(clauses);
      return clauses;
    },
  };
  return builder;
}

/** Paths as the registry will compute them once the tree is stored, so that tasks and references can name them. */
export function assignPaths(clauses: DraftClause[]): void {
  const nodes: { uuid: string; parentUuid: string | null; position: number; label: string; kind: ClauseKind; clause: DraftClause }[] = [];
  const walk = (list: DraftClause[], parentUuid: string | null) =>
    list.forEach((clause, position) => {
      const uuid = String(nodes.length);
      nodes.push({ uuid, parentUuid, position, label: clause.label, kind: clause.kind, clause });
      walk(clause.children, uuid);
    });
  walk(clauses, null);
  const paths = computePaths(nodes);
  for (const node of nodes) node.clause.path = paths.get(node.uuid)!;
}

/** Every clause of a tree, depth first. */
export function flattenClauses(clauses: DraftClause[]): DraftClause[] {
  return clauses.flatMap((clause) => [clause, ...flattenClauses(clause.children)]);
}
