/**
 * SQL injection detection for the simulated AWS WAF's SQL injection match
 * statement (AWS WAF Developer Guide, "SQL injection attack rule statement",
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-sqli-match.html).
 *
 * The value is first run through the rule's text transformations
 * (transforms.ts). It is then tokenized as SQL three times (sql-tokens.ts): as
 * a bare value, and as if pasted inside a '...' or a "..." string literal,
 * because the WAF cannot know which of the three the application does. Each
 * token sequence is asked whether it has the shape of an injection, in the
 * manner of libinjection (https://github.com/libinjection/libinjection). That
 * is why `O'Brien` passes (a quote followed by a plain word) while
 * `' OR 1=1--` does not (a quote, a boolean operator, a comparison, a comment).
 */

import { type Detection, isAsciiLetter, transform } from './transforms';
import { type QuoteContext, type Token, tokenizeSql } from './sql-tokens';

/** How the input begins: the value the attacker supplies before their SQL. */
interface Lead {
  /** Index of the first token after the value (and any closing parentheses). */
  next: number;
  /** What the value was: a string the input's own quote closed, a number, or a whole string literal. */
  kind: 'quote' | 'number' | 'string';
  /** Sentence opener for reasons, e.g. "a quote closes the string, then ". */
  opener: string;
}

const LEAD_OPENERS: Readonly<Record<Lead['kind'], string>> = {
  quote: 'a quote closes the string, then ',
  number: 'after the number, ',
  string: 'after the quoted value, ',
};

function findLead(tokens: readonly Token[], context: QuoteContext): Lead | null {
  let i = 0;
  let kind: Lead['kind'];
  if (context !== null) {
    i = 1; // the string that the input's first quote closes
    kind = 'quote';
  } else {
    const first = tokens[0];
    if (first?.kind === 'operator' && (first.text === '-' || first.text === '+')) i = 1;
    const value = tokens[i];
    if (value?.kind === 'number') kind = 'number';
    else if (value?.kind === 'string' && i === 0) kind = 'string';
    else return null;
    i++;
  }
  // `1) OR (1=1` and `') OR ('a'='a`: closing brackets the query had opened.
  while (tokens[i]?.kind === 'close') i++;
  return { next: i, kind, opener: LEAD_OPENERS[kind] };
}

function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'logic' || token.kind === 'compare') && words.includes(token.text);
}

function upper(text: string): string {
  return text.toUpperCase();
}

/**
 * Longest bracketed group worth matching. Unclosed groups are treated as
 * running to the end of the input; the cap keeps repeated unclosed groups
 * (`f(f(f(...`) from making the checks quadratic.
 */
const MAX_GROUP_TOKENS = 512;

/** Index just past the parenthesised group that starts at `open`. */
function skipGroup(tokens: readonly Token[], open: number): number {
  let depth = 0;
  const limit = Math.min(tokens.length, open + MAX_GROUP_TOKENS);
  for (let i = open; i < limit; i++) {
    const kind = tokens[i]?.kind;
    if (kind === 'open') depth++;
    else if (kind === 'close') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return tokens.length;
}

/** Words that end an expression rather than being a column or value. */
const CLAUSE_WORDS = new Set([
  'select', 'from', 'where', 'union', 'order', 'group', 'by', 'having', 'limit', 'into',
  'values', 'set', 'then', 'else', 'end', 'when', 'case', 'as', 'on', 'not',
]);

interface Operand {
  end: number;
  kind: 'literal' | 'call' | 'name';
  value: string;
}

/** Reads one SQL value: a literal, a column/variable name or a function call. */
function readOperand(tokens: readonly Token[], i: number): Operand | null {
  const token = tokens[i];
  if (!token) return null;
  switch (token.kind) {
    case 'number':
      return { end: i + 1, kind: 'literal', value: String(Number(token.text)) };
    case 'string':
      return { end: i + 1, kind: 'literal', value: token.value ?? '' };
    case 'variable':
      return { end: i + 1, kind: 'name', value: token.text };
    case 'word': {
      // `users.name`, `dbms_pipe.receive_message(...)`: a qualified name is one operand.
      let last = i;
      while (tokens[last + 1]?.text === '.' && tokens[last + 2]?.kind === 'word') last += 2;
      const value = last === i ? token.text : tokens.slice(i, last + 1).map((t) => t.text).join('');
      if (tokens[last + 1]?.kind === 'open') return { end: skipGroup(tokens, last + 1), kind: 'call', value };
      if (last === i && (token.text === 'true' || token.text === 'false' || token.text === 'null')) {
        return { end: i + 1, kind: 'literal', value: token.text };
      }
      if (last === i && CLAUSE_WORDS.has(token.text)) return null;
      return { end: last + 1, kind: 'name', value };
    }
    default:
      return null;
  }
}

function skipPrefixes(tokens: readonly Token[], i: number): number {
  let j = i;
  for (;;) {
    const t = tokens[j];
    if (!t) return j;
    if (t.kind === 'open' || (t.kind === 'word' && t.text === 'not')) j++;
    else if (t.kind === 'operator' && (t.text === '!' || t.text === '-' || t.text === '+' || t.text === '~')) j++;
    else return j;
  }
}

/** Renders tokens i..end for a reason string: `OR 1=1`, `AND ('a'='a`. */
function snippet(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  let prev: Token | undefined;
  for (let i = from; i < to && i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) break;
    const tight =
      prev === undefined ||
      prev.kind === 'open' ||
      t.kind === 'close' ||
      t.kind === 'comma' ||
      (t.kind === 'open' && prev.kind === 'word') ||
      t.text === '.' ||
      prev.text === '.' ||
      (t.kind === 'compare' && !isAsciiLetter(t.text.charCodeAt(0))) ||
      (prev.kind === 'compare' && !isAsciiLetter(prev.text.charCodeAt(0)));
    const text = t.kind === 'logic' || (t.kind === 'compare' && isAsciiLetter(t.text.charCodeAt(0))) ? upper(t.text) : t.text;
    out += (tight ? '' : ' ') + text;
    prev = t;
  }
  return out.length > 40 ? out.slice(0, 39) + '…' : out;
}

/** True if a SELECT's column list plausibly follows index `i`. */
function looksLikeSelectList(tokens: readonly Token[], i: number): boolean {
  const first = tokens[i];
  if (!first) return false;
  const limit = Math.min(tokens.length, i + 64);
  for (let j = i; j < limit; j++) {
    const t = tokens[j];
    if (!t || t.kind === 'semicolon') break;
    if (t.kind === 'comma' || isWord(t, 'from')) return true;
  }
  // A single column with nothing after it (`UNION SELECT @@version--`) counts
  // when that column is clearly SQL rather than an English word.
  const operand = readOperand(tokens, i);
  const simple =
    first.kind === 'number' ||
    first.kind === 'string' ||
    first.kind === 'variable' ||
    (first.kind === 'operator' && first.text === '*') ||
    operand?.kind === 'call' ||
    (operand?.kind === 'literal' && first.text === 'null');
  if (!simple) return false;
  const after = tokens[operand ? operand.end : i + 1];
  return after === undefined || after.kind === 'comment' || after.kind === 'semicolon' || after.kind === 'close';
}

const TIME_FUNCTIONS = new Set(['sleep', 'benchmark', 'pg_sleep']);

/** Tokens that can join an injected expression onto the supplied value. */
function isConnector(token: Token | undefined): boolean {
  if (!token) return false;
  return (
    token.kind === 'logic' ||
    token.kind === 'compare' ||
    token.kind === 'semicolon' ||
    token.kind === 'comma' ||
    (token.kind === 'operator' && token.text !== '.') ||
    isWord(token, 'union')
  );
}

/** SLEEP(, BENCHMARK(, PG_SLEEP( or WAITFOR DELAY after the supplied value. */
function checkTimeDelay(tokens: readonly Token[], lead: Lead): string | null {
  const joined = isConnector(tokens[lead.next]);
  for (let i = lead.next; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.kind !== 'word') continue;
    if (joined && TIME_FUNCTIONS.has(t.text) && tokens[i + 1]?.kind === 'open') {
      return `${lead.opener}${upper(t.text)}() makes the database pause: a time-based blind probe`;
    }
    // T-SQL lets a new statement follow without a semicolon: `1 WAITFOR DELAY ...`.
    if (t.text === 'waitfor' && isWord(tokens[i + 1], 'delay', 'time') && (joined || i === lead.next)) {
      return `${lead.opener}WAITFOR ${upper(tokens[i + 1]?.text ?? '')} makes the database pause: a time-based blind probe`;
    }
  }
  return null;
}

/** UNION [ALL|DISTINCT] SELECT with a column list, anywhere in the input. */
function checkUnion(tokens: readonly Token[]): string | null {
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i], 'union')) continue;
    let j = i + 1;
    if (isWord(tokens[j], 'all', 'distinct')) j++;
    while (tokens[j]?.kind === 'open') j++;
    if (isWord(tokens[j], 'select') && looksLikeSelectList(tokens, j + 1)) {
      return 'UNION SELECT glues a second query onto the first to pull out other data';
    }
  }
  return null;
}

/** Does a real statement start at index i? Checks the keyword and what must follow it. */
function statementAt(tokens: readonly Token[], i: number): string | null {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return null;
  const next = tokens[i + 1];
  switch (t.text) {
    case 'drop':
    case 'create':
    case 'alter':
      return isWord(next, 'table', 'database', 'schema', 'view', 'index', 'procedure', 'function', 'user', 'trigger', 'login')
        ? `${upper(t.text)} ${upper(next?.text ?? '')}`
        : null;
    case 'truncate':
      return isWord(next, 'table') ? 'TRUNCATE TABLE' : null;
    case 'delete':
      return isWord(next, 'from') ? 'DELETE' : null;
    case 'insert':
      return isWord(next, 'into') ? 'INSERT' : null;
    case 'update':
      return next?.kind === 'word' && isWord(tokens[i + 2], 'set') ? 'UPDATE' : null;
    case 'select':
      return looksLikeSelectList(tokens, i + 1) ? 'SELECT' : null;
    case 'exec':
    case 'execute':
      return next?.kind === 'word' || next?.kind === 'variable' || next?.kind === 'open' ? 'EXEC' : null;
    case 'shutdown':
      return next === undefined || next.kind === 'comment' || next.kind === 'semicolon' || isWord(next, 'with') ? 'SHUTDOWN' : null;
    case 'declare':
      return next?.kind === 'variable' ? 'DECLARE' : null;
    case 'waitfor':
      return isWord(next, 'delay', 'time') ? 'WAITFOR' : null;
    default:
      return null;
  }
}

/** `;` right after the value, then a second statement. */
function checkStackedQuery(tokens: readonly Token[], lead: Lead): string | null {
  let i = lead.next;
  if (tokens[i]?.kind !== 'semicolon') return null;
  while (tokens[i]?.kind === 'semicolon') i++;
  const statement = statementAt(tokens, i);
  return statement ? `${lead.opener}a semicolon ends the query and starts a new ${statement} statement` : null;
}

const EQUALITY = new Set(['=', '==', '<=>', '<=', '>=', 'like', 'is']);

/** `OR 1=1`, `AND 'a'='a'`, `OR 1`, `|| TRUE` right after the value. */
function checkBoolean(tokens: readonly Token[], lead: Lead): string | null {
  const logic = tokens[lead.next];
  if (logic?.kind !== 'logic') return null;
  const isOr = logic.text !== 'and' && logic.text !== '&&';
  const leftStart = skipPrefixes(tokens, lead.next + 1);
  // `AND (SELECT ...)`: a subquery in brackets is a value too.
  const left: Operand | null =
    isWord(tokens[leftStart], 'select') && tokens[leftStart - 1]?.kind === 'open'
      ? { end: skipGroup(tokens, leftStart - 1), kind: 'call', value: 'select' }
      : readOperand(tokens, leftStart);
  if (!left) return null;
  const after = tokens[left.end];

  if (after?.kind === 'compare') {
    const rightStart = skipPrefixes(tokens, left.end + 1);
    const right = readOperand(tokens, rightStart);
    // `IN (SELECT ...)` and `= (SELECT ...)` compare against a subquery.
    const subquery = !right && tokens[rightStart - 1]?.kind === 'open';
    if (!right && !subquery) return null;
    const always = right !== null && right.kind !== 'call' && left.kind !== 'call' && EQUALITY.has(after.text) && left.value === right.value;
    const shown = right ? snippet(tokens, lead.next, right.end) : `${snippet(tokens, lead.next, rightStart)}…)`;
    if (always) {
      return isOr
        ? `${lead.opener}${shown} makes the condition always true`
        : `${lead.opener}${shown} adds a condition that is always true (a blind-injection probe)`;
    }
    return `${lead.opener}${shown} adds the attacker's own condition to the query`;
  }

  // A bare value as the whole condition: `' OR 1--`, `1 OR TRUE;`. It has to
  // be followed by SQL punctuation (a comment, `;`, `)` or another operator),
  // so plain phrases such as "5 or 6" and "1 and 2" are left alone.
  const ends =
    after === undefined
      ? left.kind === 'call' // `1 AND extractvalue(...)` is SQL-shaped on its own
      : after.kind === 'comment' || after.kind === 'semicolon' || after.kind === 'close' || after.kind === 'logic';
  if (!ends || left.kind === 'name') return null;
  if (left.kind === 'literal' && tokens[left.end - 1]?.kind === 'string') return null;
  const shown = snippet(tokens, lead.next, left.end);
  if (left.kind === 'call') return `${lead.opener}${shown} adds the attacker's own condition to the query`;
  const truthy = left.value !== '0' && left.value !== 'false' && left.value !== 'null' && left.value !== 'NaN';
  if (truthy && isOr) return `${lead.opener}${shown} makes the condition always true`;
  return `${lead.opener}${shown} adds a condition of its own (a blind-injection probe)`;
}

/** Arithmetic and bitwise operators that can join an expression onto the value. */
const JOINING_OPERATORS = new Set(['+', '-', '*', '/', '%', '|', '&', '^']);

/**
 * `'+convert(int,@@version)+'`, `1*(SELECT ...)`: an operator joins the value
 * to the attacker's own expression, which the database evaluates (and whose
 * errors or side effects leak data). After a breaking quote the expression can
 * be any function call; after a bare number it must be a subquery or a server
 * variable, so that `5 + f(x)` in a maths question passes. The expression then
 * has to end the input, meet a comment or `;`, or hand back to a string, as
 * the closing `+'` does.
 */
function checkJoinedExpression(tokens: readonly Token[], lead: Lead): string | null {
  if (lead.kind === 'string') return null;
  const op = tokens[lead.next];
  if (op?.kind !== 'operator' || !JOINING_OPERATORS.has(op.text)) return null;
  const start = skipPrefixes(tokens, lead.next + 1);
  const first = tokens[start];
  let end: number;
  if (isWord(first, 'select') && tokens[start - 1]?.kind === 'open') {
    end = skipGroup(tokens, start - 1);
  } else if (first?.kind === 'variable') {
    end = start + 1;
  } else {
    const operand = lead.kind === 'quote' ? readOperand(tokens, start) : null;
    if (operand?.kind !== 'call') return null;
    end = operand.end;
  }
  while (tokens[end]?.kind === 'close') end++;
  const after = tokens[end];
  const joinsBack = (after?.kind === 'operator' || after?.kind === 'logic') && tokens[end + 1]?.kind === 'string';
  if (after !== undefined && after.kind !== 'comment' && after.kind !== 'semicolon' && !joinsBack) return null;
  return `${lead.opener}${snippet(tokens, lead.next, end)} makes the database evaluate the attacker's own expression`;
}

/**
 * `' ORDER BY 3--`, `1 GROUP BY id HAVING 1=1`: clauses attackers append to
 * count the query's columns or make the database name them in an error.
 */
function checkClause(tokens: readonly Token[], lead: Lead): string | null {
  const first = tokens[lead.next];
  let i = lead.next;
  let clause: string;
  if (isWord(first, 'order', 'group') && isWord(tokens[i + 1], 'by')) {
    clause = `${upper(first?.text ?? '')} BY`;
    i += 2;
    // A column list: `1`, `name`, `1, 2 desc`.
    let items = 0;
    for (;;) {
      const operand = readOperand(tokens, i);
      if (!operand) break;
      items++;
      i = operand.end;
      if (isWord(tokens[i], 'asc', 'desc')) i++;
      if (tokens[i]?.kind !== 'comma') break;
      i++;
    }
    if (items === 0) return null;
  } else if (isWord(first, 'having')) {
    const left = readOperand(tokens, skipPrefixes(tokens, i + 1));
    if (!left || tokens[left.end]?.kind !== 'compare') return null;
    return `${lead.opener}a HAVING clause adds the attacker's own condition to the query`;
  } else {
    return null;
  }
  if (isWord(tokens[i], 'having')) {
    return `${lead.opener}${clause} … HAVING makes the database reveal the query's columns`;
  }
  const end = tokens[i];
  const finished = end === undefined ? lead.kind === 'number' : end.kind === 'comment' || end.kind === 'semicolon';
  return finished ? `${lead.opener}${clause} probes how many columns the query returns` : null;
}

/** `admin'--`: the value is followed by a comment that cuts off the rest of the query. */
function checkTruncation(tokens: readonly Token[], lead: Lead, s: string): string | null {
  let i = lead.next;
  while (tokens[i]?.kind === 'semicolon') i++;
  const comment = tokens[i];
  if (comment?.kind !== 'comment') return null;
  // A complete quoted value followed by a dash is how people attribute
  // quotations ("Be yourself" -- Oscar Wilde), so only a breaking quote or a
  // bare number counts here.
  if (lead.kind === 'string') return null;
  if (lead.kind === 'number') {
    // After a bare number, only a comment hard against it and followed by
    // nothing (or a space) reads as truncation; `10--15` is a range.
    const prev = tokens[i - 1];
    if (prev === undefined || prev.end !== comment.start) return null;
    const marker = comment.text.startsWith('#') ? 1 : 2;
    const rest = s.charAt(comment.start + marker);
    if (rest !== '' && rest !== ' ') return null;
  }
  const marker = comment.text.startsWith('#') ? '#' : comment.text.startsWith('--') ? '--' : '/*';
  return `${lead.opener}${marker} comments out the rest of the query`;
}

function analyseSql(s: string, context: QuoteContext): string | null {
  const tokens = tokenizeSql(s, context);
  if (!tokens) return null;
  const union = checkUnion(tokens);
  const lead = findLead(tokens, context);
  if (!lead) return union;
  return (
    checkTimeDelay(tokens, lead) ??
    union ??
    checkStackedQuery(tokens, lead) ??
    checkBoolean(tokens, lead) ??
    checkJoinedExpression(tokens, lead) ??
    checkClause(tokens, lead) ??
    checkTruncation(tokens, lead, s)
  );
}

/**
 * Reports whether the value, once transformed, has the structure of a SQL
 * injection in any of the three places it could land in a query: as a bare
 * value (numeric context), inside '...' or inside "...".
 */
export function detectSqli(input: string): Detection {
  const s = transform(input);
  for (const context of ["'", '"', null] as const) {
    const reason = analyseSql(s, context);
    if (reason) return { matched: true, reason };
  }
  return {
    matched: false,
    reason: s.includes("'") || s.includes('"')
      ? 'the quote is followed by ordinary text, not SQL structure'
      : 'no SQL structure after decoding',
  };
}
