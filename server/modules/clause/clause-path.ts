// Paths ("II.2.5", "III.1.b3") and citations ("điểm 2.5 mục 2 phần II Kế hoạch 19/KH-UBND") derived from the tree.
import { DOCUMENT_KIND_NAMES_VI, type DocumentKind } from '../document/document.enums';
import { ClauseKind } from './clause.enums';

export interface TreeNode {
  uuid: string;
  parentUuid: string | null;
  position: number;
  label: string;
  kind: ClauseKind;
}

export const PREAMBLE_PATH = 'preamble';
const BULLET_LABEL = /^[-+*•–]$/;

/** The part of a printed label that names a clause among its siblings: "2.5" → "5", "a)" → "a", "Điều 3." → "3". */
export function labelSegment(label: string): string {
  const appendix = /^phụ lục\s*(?:số\s*)?/iu.exec(label.trim());
  if (appendix)
    return `PL${label
      .trim()
      .slice(appendix[0].length)
      .replace(/[^\p{L}\p{N}]/gu, '')}`;
  const cleaned = label
    .trim()
    .replace(/^(phần|chương|mục|điều|khoản|điểm)\s+/i, '')
    .replace(/[.):\-–\s]+$/u, '');
  const last =
    cleaned
      .split(/[.\s]+/)
      .filter(Boolean)
      .at(-1) ?? '';
  return last.replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Path of every clause, from the tree's shape and labels; siblings that would share a segment get "~2", "~3".
 * The map iterates in printed (depth-first) order.
 */
export function computePaths(nodes: TreeNode[]): Map<string, string> {
  const children = new Map<string | null, TreeNode[]>();
  for (const node of nodes) {
    const siblings = children.get(node.parentUuid) ?? [];
    siblings.push(node);
    children.set(node.parentUuid, siblings);
  }
  const paths = new Map<string, string>();
  const walk = (parentUuid: string | null, prefix: string) => {
    const siblings = (children.get(parentUuid) ?? []).sort((a, b) => a.position - b.position);
    const used = new Map<string, number>();
    let bullets = 0;
    let paragraphs = 0;
    siblings.forEach((node, index) => {
      let segment: string;
      if (BULLET_LABEL.test(node.label.trim()) || (node.kind === ClauseKind.BULLET && !labelSegment(node.label))) segment = `b${++bullets}`;
      else if (labelSegment(node.label)) segment = labelSegment(node.label);
      else if (parentUuid === null && index === 0) segment = PREAMBLE_PATH;
      else segment = `p${++paragraphs}`;
      const seen = used.get(segment) ?? 0;
      used.set(segment, seen + 1);
      if (seen > 0) segment = `${segment}~${seen + 1}`;
      const path = prefix ? `${prefix}.${segment}` : segment;
      paths.set(node.uuid, path);
      walk(node.uuid, path);
    });
  };
  walk(null, '');
  return paths;
}

const KIND_WORDS: Record<ClauseKind, string> = {
  [ClauseKind.PART]: 'phần',
  [ClauseKind.SECTION]: 'mục',
  [ClauseKind.ITEM]: 'điểm',
  [ClauseKind.POINT]: 'điểm',
  [ClauseKind.BULLET]: 'gạch đầu dòng',
  [ClauseKind.PARAGRAPH]: 'đoạn',
};

export interface CitableDocument {
  kind: DocumentKind;
  symbol?: string | null;
  issuedOn?: string | null;
}

/** How a person cites the clause: the clause and its ancestors, innermost first, then the document. */
export function citationOf(chain: { label: string; kind: ClauseKind; path: string }[], document: CitableDocument): string {
  const documentName = `${DOCUMENT_KIND_NAMES_VI[document.kind]} ${
    document.symbol ?? (document.issuedOn ? `ngày ${document.issuedOn.split('-').reverse().join('/')}` : '(chưa rõ số)')
  }`;
  const steps = [...chain].reverse().map((clause) => {
    if (clause.path === PREAMBLE_PATH) return 'phần mở đầu';
    const segment = clause.path.split('.').at(-1) ?? '';
    if (/^b\d+$/.test(segment)) return `${KIND_WORDS.BULLET} thứ ${segment.slice(1)}`;
    if (/^p\d+$/.test(segment)) return `${KIND_WORDS.PARAGRAPH} ${segment.slice(1)}`;
    return `${KIND_WORDS[clause.kind]} ${clause.label.replace(/[.):]+$/, '')}`;
  });
  return [...steps, documentName].join(' ');
}
