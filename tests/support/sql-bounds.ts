import ts from 'typescript';

/**
 * What the "every listing is bounded" check (tests/unit/every-read-is-bounded.test.ts)
 * reads from a `queries.ts`: each SQL statement written as a string or
 * template literal, `${…}` parts replaced by a placeholder, with its line.
 */
export interface SqlLiteral {
  line: number;
  sql: string;
}

export function sqlLiterals(fileName: string, source: string): SqlLiteral[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const out: SqlLiteral[] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) {
      text =
        node.head.text +
        node.templateSpans.map((span) => ` __expr__ ${span.literal.text}`).join('');
    }
    if (
      text !== undefined &&
      /^\s*(select|with)\s/i.test(text) &&
      /\bfrom\b|__expr__/i.test(text)
    ) {
      out.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, sql: text });
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((span) => ts.forEachChild(span.expression, visit));
  };
  visit(file);
  return out;
}

/** The statement with every parenthesised part (subqueries, CTE bodies, arguments) taken out. */
export function outerLevel(sql: string): string {
  let depth = 0;
  let out = '';
  for (const char of sql.replace(/--[^\n]*/g, ' ')) {
    if (char === '(') {
      if (depth === 0) out += '( ';
      depth += 1;
    } else if (char === ')') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) out += ')';
    } else if (depth === 0) out += char;
  }
  return out;
}

const aggregate =
  /\b(count|sum|min|max|avg|bool_and|bool_or|every|array_agg|jsonb?_agg|string_agg)\s*\(/i;

/**
 * Why a SELECT reads a bounded number of rows, or null when it may not:
 * - a `limit` at its outer level;
 * - an aggregate without `group by` (one row);
 * - an equality on `id` or `slug` with a parameter (one row: both are unique
 *   in every table of the portal);
 * - no `from` at the outer level (a scalar: `select exists (…)`, a function);
 * - the first n of each group: `row_number()` inside, `where position <= $n` (or `${n}`) outside;
 * - a comment `/* bounded: <reason> *\/` in the statement (one row per
 *   region, per SDG…: the author says why).
 */
export function whyBounded(sql: string): string | null {
  const annotated = /\/\*\s*bounded:\s*([^*]+)\*\//i.exec(sql);
  if (annotated) return `annotated: ${annotated[1]!.trim()}`;
  const outer = outerLevel(sql.replace(/\/\*[\s\S]*?\*\//g, ' '));
  if (/\blimit\b/i.test(outer)) return 'limit';
  if (!/\bfrom\b/i.test(outer) && !/__expr__/.test(outer)) return 'scalar';
  if (aggregate.test(outer) && !/\bgroup\s+by\b/i.test(outer)) return 'aggregate';
  if (
    /\brow_number\s*\(/i.test(sql) &&
    /\bwhere\s+(?:\w+\.)?"?\w+"?\s*<=?\s*(?:\$\d+|__expr__)/i.test(outer)
  )
    return 'first n of each group';
  if (/\bwhere\b[\s\S]*\b(?:\w+\.)?(?:id|slug)\s*=\s*(?:\$\d+|any\s*\(\s*\))/i.test(outer))
    return 'one row by id or slug';
  if (/\b(?:\w+\.)?(?:id|slug)\s*=\s*\$\d+/i.test(outer)) return 'one row by id or slug';
  return null;
}
