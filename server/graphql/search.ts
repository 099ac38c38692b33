// The diacritic-blind `search` filter: matches the same search_text() expression the trigram indexes are built on.
import { sqlCondition } from './filter-sql';

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A MikroORM filter for rows whose search_text(columns…) contains every word of `term`, accents ignored
 * ("cong an tinh" finds "Công an tỉnh"). `columns` is the SQL argument list of the index expression.
 */
export function searchFilter(columns: string, term: string): Record<string, unknown> {
  const words = term.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  return {
    $and: words.map((word) =>
      sqlCondition((alias) => `search_text(${columns.replace(/\$\./g, `${alias}.`)}) like search_text(?)`, [likePattern(word)]),
    ),
  };
}
