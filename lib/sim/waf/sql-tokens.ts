/**
 * A SQL tokenizer for the simulated AWS WAF's SQL injection detector.
 *
 * The detector follows the approach of libinjection
 * (https://github.com/libinjection/libinjection): rather than searching for
 * suspicious words, it reads the value as SQL and looks at the shape of the
 * resulting token sequence (see sqli.ts). This module produces that sequence.
 * It knows the lexical rules that matter to an injection: string literals with
 * doubled-quote and backslash escapes, numbers (including 0x hex), MySQL
 * backtick identifiers, `@variables`, the three comment styles, MySQL's
 * executable comments, and the multi-character comparison operators.
 * It runs in one pass, linear in the input size.
 */

import { hexValue, isAsciiLetter, isDigit, isSpace } from './transforms';

/**
 * Token kinds, modelled on libinjection's one-letter token types (s = string,
 * 1 = number, & = logic operator, o = operator, c = comment, ...). Read in
 * order, the kinds form the input's fingerprint; the checks in sqli.ts look
 * for injection shapes in that sequence rather than for particular words.
 */
export type TokenKind =
  | 'string'
  | 'number'
  | 'word'
  | 'variable'
  | 'logic' // OR AND XOR || &&
  | 'compare' // = <> != < > <= >= <=> LIKE IS IN BETWEEN REGEXP ...
  | 'operator' // + - * / % & | ^ ~ ! . and anything unrecognised
  | 'open'
  | 'close'
  | 'semicolon'
  | 'comma'
  | 'comment'; // a comment that runs to the end of the input

export interface Token {
  kind: TokenKind;
  /** The source text (already lowercased by transform()). */
  text: string;
  start: number;
  end: number;
  /** For strings: the literal's value without its quotes. */
  value?: string;
}

/**
 * Where the value lands in the query: inside '...', inside "...", or bare
 * (a numeric context such as `WHERE id = <input>`).
 */
export type QuoteContext = "'" | '"' | null;

const LOGIC_WORDS = new Set(['or', 'and', 'xor']);
const COMPARE_WORDS = new Set(['like', 'is', 'in', 'between', 'regexp', 'rlike', 'glob', 'sounds']);
const COMPARE_SYMBOLS = new Set(['=', '==', '<', '>', '<=', '>=', '<>', '!=', '<=>', '!<', '!>']);
const MULTI_CHAR_OPERATORS = ['<=>', '<=', '>=', '<>', '!=', '==', '||', '&&', '!<', '!>', ':='];

/**
 * Finds the quote that closes a string literal opened before `from`.
 * A doubled quote ('') and a backslash escape (\') stay inside the string,
 * as in standard SQL and MySQL respectively. Returns -1 if the string never
 * closes.
 */
function findStringEnd(s: string, from: number, quote: string): number {
  let i = from;
  while (i < s.length) {
    const ch = s.charAt(i);
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (s.charAt(i + 1) === quote) {
        i += 2;
        continue;
      }
      return i;
    }
    i++;
  }
  return -1;
}

function unescapeSqlString(raw: string, quote: string): string {
  return raw.split(quote + quote).join(quote);
}

function isWordChar(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code) || code === 95 /* _ */ || code === 36 /* $ */ || code >= 0x80;
}

/**
 * Tokenizes `s` as SQL. With a quote context, the input is read as if it
 * started inside a string literal delimited by that quote, which is how a
 * value pasted into `WHERE name = '<input>'` is parsed by the database. If the
 * input never closes that string it cannot change the query, and null is
 * returned.
 */
export function tokenizeSql(s: string, context: QuoteContext): Token[] | null {
  const tokens: Token[] = [];
  const n = s.length;
  let i = 0;

  if (context !== null) {
    const close = findStringEnd(s, 0, context);
    if (close === -1) return null;
    tokens.push({
      kind: 'string',
      text: s.slice(0, close + 1),
      start: 0,
      end: close + 1,
      value: unescapeSqlString(s.slice(0, close), context),
    });
    i = close + 1;
  }

  const push = (kind: TokenKind, start: number, end: number): void => {
    tokens.push({ kind, text: s.slice(start, end), start, end });
  };

  while (i < n) {
    const ch = s.charAt(i);
    const code = s.charCodeAt(i);
    const next = s.charAt(i + 1);

    if (isSpace(code)) {
      i++;
      continue;
    }

    if (ch === "'" || ch === '"') {
      const close = findStringEnd(s, i + 1, ch);
      const end = close === -1 ? n : close + 1;
      const inner = s.slice(i + 1, close === -1 ? n : close);
      tokens.push({ kind: 'string', text: s.slice(i, end), start: i, end, value: unescapeSqlString(inner, ch) });
      i = end;
      continue;
    }

    if (ch === '`') {
      // MySQL quoted identifier.
      const close = s.indexOf('`', i + 1);
      const end = close === -1 ? n : close + 1;
      push('word', i, end);
      i = end;
      continue;
    }

    if (isDigit(code) || (ch === '.' && isDigit(s.charCodeAt(i + 1)))) {
      let j = i;
      if (ch === '0' && next === 'x' && hexValue(s.charCodeAt(i + 2)) >= 0) {
        j = i + 2; // hex literal, e.g. 0x7e
        while (j < n && hexValue(s.charCodeAt(j)) >= 0) j++;
      } else {
        while (j < n && isDigit(s.charCodeAt(j))) j++;
        if (s.charAt(j) === '.') {
          j++;
          while (j < n && isDigit(s.charCodeAt(j))) j++;
        }
        if (s.charAt(j) === 'e') {
          const sign = s.charAt(j + 1) === '-' || s.charAt(j + 1) === '+' ? 1 : 0;
          if (isDigit(s.charCodeAt(j + 1 + sign))) {
            j += 1 + sign;
            while (j < n && isDigit(s.charCodeAt(j))) j++;
          }
        }
      }
      push('number', i, j);
      i = j;
      continue;
    }

    if (isWordChar(code)) {
      let j = i + 1;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      const word = s.slice(i, j);
      push(LOGIC_WORDS.has(word) ? 'logic' : COMPARE_WORDS.has(word) ? 'compare' : 'word', i, j);
      i = j;
      continue;
    }

    if (ch === '@') {
      let j = i + 1;
      if (s.charAt(j) === '@') j++;
      const nameStart = j;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      push(j > nameStart ? 'variable' : 'operator', i, j);
      i = j;
      continue;
    }

    // Comments. `#` is MySQL; `--` is standard SQL. MySQL wants a space after
    // `--`, other databases do not, so any `--` is treated as a comment.
    if (ch === '#' || (ch === '-' && next === '-')) {
      push('comment', i, n);
      break;
    }
    if (ch === '/' && next === '*') {
      if (s.charAt(i + 2) === '!') {
        // MySQL "executable comment" /*!50000 UNION*/: the body is real SQL,
        // so drop the opener (and its version number) and keep tokenizing.
        let j = i + 3;
        while (j < n && isDigit(s.charCodeAt(j))) j++;
        i = j;
        continue;
      }
      const close = s.indexOf('*/', i + 2);
      if (close === -1) {
        push('comment', i, n);
        break;
      }
      i = close + 2; // an inline comment acts as whitespace: UNION/**/SELECT
      continue;
    }
    if (ch === '*' && next === '/') {
      i += 2; // the end of an executable comment
      continue;
    }

    if (ch === '(') {
      push('open', i, i + 1);
      i++;
      continue;
    }
    if (ch === ')') {
      push('close', i, i + 1);
      i++;
      continue;
    }
    if (ch === ';') {
      push('semicolon', i, i + 1);
      i++;
      continue;
    }
    if (ch === ',') {
      push('comma', i, i + 1);
      i++;
      continue;
    }

    const multi = MULTI_CHAR_OPERATORS.find((op) => s.startsWith(op, i));
    const op = multi ?? ch;
    const kind: TokenKind = op === '||' || op === '&&' ? 'logic' : COMPARE_SYMBOLS.has(op) ? 'compare' : 'operator';
    push(kind, i, i + op.length);
    i += op.length;
  }
  return tokens;
}
