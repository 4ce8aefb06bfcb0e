/**
 * SQL injection and cross-site scripting detection for the simulated AWS WAF.
 *
 * AWS WAF's SQL injection and XSS match statements run a value through the
 * rule's text transformations and then through a detector. This module models
 * both halves:
 *
 * - `transform()` applies URL_DECODE, HTML_ENTITY_DECODE, LOWERCASE and
 *   COMPRESS_WHITE_SPACE, as described in the AWS WAF Developer Guide,
 *   "Text transformation options"
 *   (https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-transformation.html).
 * - `detectSqli()` follows the approach of libinjection
 *   (https://github.com/libinjection/libinjection): instead of searching for
 *   suspicious words, it tokenizes the input as SQL three times (as a bare
 *   value, and as if pasted inside a '...' or a "..." string literal), and asks
 *   whether the resulting token sequence has the shape of an injection. That is
 *   why `O'Brien` passes (a quote followed by a plain word) while `' OR 1=1--`
 *   does not (a quote, a boolean operator, a comparison, a comment).
 * - `detectXss()` walks the input as HTML (tag name, attributes, values) and
 *   only reports constructs a browser would execute.
 *
 * Everything here is pure, synchronous and linear in the input size, so it is
 * safe to run in the browser on every keystroke.
 */

export interface Detection {
  matched: boolean;
  /** One short plain-English sentence, shown to learners. */
  reason: string;
}

/**
 * Upper bound on how much of a value is inspected. AWS WAF never sees more
 * than the size limit of the request component: 8 KB of body for Application
 * Load Balancer and AppSync, 16 KB by default for CloudFront and API Gateway,
 * raisable to 64 KB (AWS WAF API Reference, "Body" / "AssociationConfig").
 * Content past the limit is not inspected at all.
 */
export const MAX_INSPECTED_CHARS = 64 * 1024;

// ---------------------------------------------------------------------------
// Text transformations
// ---------------------------------------------------------------------------

/**
 * The text transformations the simulated SQLi and XSS rules apply, in
 * priority order: URL_DECODE, HTML_ENTITY_DECODE, LOWERCASE,
 * COMPRESS_WHITE_SPACE. URL decoding runs up to twice, as if URL_DECODE were
 * listed twice, so double-encoded payloads (`%253C` -> `%3C` -> `<`) are seen
 * the way an application that decodes twice would see them.
 */
export function transform(input: string): string {
  let s = input.length > MAX_INSPECTED_CHARS ? input.slice(0, MAX_INSPECTED_CHARS) : input;
  for (let pass = 0; pass < 2; pass++) {
    const decoded = urlDecode(s);
    if (decoded === s) break;
    s = decoded;
  }
  s = htmlEntityDecode(s);
  s = asciiLowercase(s);
  return compressWhiteSpace(s);
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 70) return code - 55; // A-F
  if (code >= 97 && code <= 102) return code - 87; // a-f
  return -1;
}

/**
 * URL_DECODE. `%XX` escapes become bytes, and runs of bytes are read as UTF-8.
 * A `%` that is not followed by two hex digits is kept literally rather than
 * rejected, so malformed input never throws (unlike `decodeURIComponent`).
 * `+` becomes a space, as in form-encoded query strings (WHATWG URL Standard,
 * "application/x-www-form-urlencoded parsing"), because that is how the
 * application behind the WAF will read the value.
 */
function urlDecode(s: string): string {
  if (s.indexOf('%') === -1 && s.indexOf('+') === -1) return s;
  let out = '';
  let bytes: number[] = [];
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    if (code === 37 /* % */) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        bytes.push(hi * 16 + lo);
        i += 3;
        continue;
      }
    }
    if (bytes.length > 0) {
      out += utf8Decode(bytes);
      bytes = [];
    }
    out += code === 43 /* + */ ? ' ' : s.charAt(i);
    i++;
  }
  if (bytes.length > 0) out += utf8Decode(bytes);
  return out;
}

/**
 * Minimal UTF-8 decoder. Invalid or truncated sequences become U+FFFD, the
 * same outcome as the WHATWG Encoding Standard's decoder in replacement mode.
 */
function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      out += String.fromCharCode(lead);
      i++;
      continue;
    }
    let need: number;
    let codePoint: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) {
      need = 1;
      codePoint = lead & 0x1f;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      codePoint = lead & 0x0f;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      codePoint = lead & 0x07;
      min = 0x10000;
    } else {
      out += '\uFFFD';
      i++;
      continue;
    }
    let taken = 1;
    while (taken <= need) {
      const next = bytes[i + taken];
      if (next === undefined || (next & 0xc0) !== 0x80) break;
      codePoint = (codePoint << 6) | (next & 0x3f);
      taken++;
    }
    const complete = taken === need + 1;
    if (!complete || codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      out += '\uFFFD';
      i += taken;
      continue;
    }
    out += String.fromCodePoint(codePoint);
    i += taken;
  }
  return out;
}

/**
 * Named references AWS documents for HTML_ENTITY_DECODE, plus &apos; and &amp;.
 * A Map rather than an object literal, so `&constructor;` finds nothing.
 */
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['LT', '<'],
  ['gt', '>'],
  ['GT', '>'],
  ['quot', '"'],
  ['QUOT', '"'],
  ['apos', "'"],
  ['amp', '&'],
  ['AMP', '&'],
  ['nbsp', '\u00a0'],
]);

/**
 * HTML_ENTITY_DECODE, one pass. Numeric references are accepted without the
 * trailing semicolon because browsers accept them too (`&#60script` is a
 * `<script` to an HTML parser), so an attacker can drop it.
 */
function htmlEntityDecode(s: string): string {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let copied = 0;
  while (amp !== -1) {
    const ref = decodeReferenceAt(s, amp);
    if (ref) {
      out += s.slice(copied, amp) + ref.text;
      copied = ref.end;
      amp = s.indexOf('&', ref.end);
    } else {
      amp = s.indexOf('&', amp + 1);
    }
  }
  return out + s.slice(copied);
}

function decodeReferenceAt(s: string, amp: number): { text: string; end: number } | null {
  let i = amp + 1;
  if (s.charAt(i) === '#') {
    i++;
    const hex = s.charAt(i) === 'x' || s.charAt(i) === 'X';
    if (hex) i++;
    const digitsStart = i;
    let value = 0;
    while (i < s.length) {
      const code = s.charCodeAt(i);
      const digit = hex ? hexValue(code) : code >= 48 && code <= 57 ? code - 48 : -1;
      if (digit < 0) break;
      // Saturate instead of overflowing; anything this large is invalid anyway.
      value = value > 0x10ffff ? value : value * (hex ? 16 : 10) + digit;
      i++;
    }
    if (i === digitsStart) return null;
    if (s.charAt(i) === ';') i++;
    const valid = value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
    return { text: valid ? String.fromCodePoint(value) : '\uFFFD', end: i };
  }
  // Named references: letters only, at most 8 of them, and a semicolon.
  let j = i;
  while (j < s.length && j - i < 8 && isAsciiLetter(s.charCodeAt(j))) j++;
  if (j === i || s.charAt(j) !== ';') return null;
  const text = NAMED_ENTITIES.get(s.slice(i, j));
  return text === undefined ? null : { text, end: j + 1 };
}

/** LOWERCASE: AWS documents it as A-Z to a-z, so other scripts are left alone. */
function asciiLowercase(s: string): string {
  return s.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** COMPRESS_WHITE_SPACE: \f \t \n \r \v and U+00A0 become spaces, runs collapse to one. */
function compressWhiteSpace(s: string): string {
  return s.replace(/[\t\n\v\f\r \u00a0]+/g, ' ');
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

// ---------------------------------------------------------------------------
// SQL tokenizer
// ---------------------------------------------------------------------------

/**
 * Token kinds, modelled on libinjection's one-letter token types (s = string,
 * 1 = number, & = logic operator, o = operator, c = comment, ...). Read in
 * order, the kinds form the input's fingerprint; the checks further down look
 * for injection shapes in that sequence rather than for particular words.
 */
type TokenKind =
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

interface Token {
  kind: TokenKind;
  /** The source text (already lowercased by transform()). */
  text: string;
  start: number;
  end: number;
  /** For strings: the literal's value without its quotes. */
  value?: string;
}

type QuoteContext = "'" | '"' | null;

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
function tokenizeSql(s: string, context: QuoteContext): Token[] | null {
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

// ---------------------------------------------------------------------------
// SQL structure checks
// ---------------------------------------------------------------------------

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
      if (tokens[i + 1]?.kind === 'open') return { end: skipGroup(tokens, i + 1), kind: 'call', value: token.text };
      if (token.text === 'true' || token.text === 'false' || token.text === 'null') {
        return { end: i + 1, kind: 'literal', value: token.text };
      }
      if (CLAUSE_WORDS.has(token.text)) return null;
      return { end: i + 1, kind: 'name', value: token.text };
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

// ---------------------------------------------------------------------------
// XSS
// ---------------------------------------------------------------------------

/** Elements that load or run code just by being present, and what they do. */
const DANGEROUS_TAGS: ReadonlyMap<string, string> = new Map([
  ['script', 'runs JavaScript in the page'],
  ['iframe', 'loads another page, or a javascript: URL, inside this one'],
  ['frame', 'loads another page, or a javascript: URL, inside this one'],
  ['object', 'loads a plugin or external content into the page'],
  ['embed', 'loads a plugin or external content into the page'],
  ['applet', 'loads a Java applet into the page'],
]);

/**
 * URL schemes that execute instead of navigating. data:text/html documents
 * run script too (they open as their own page).
 */
const SCRIPT_URL_PREFIXES = ['javascript:', 'vbscript:', 'data:text/html'];

interface Attribute {
  name: string;
  value: string;
  hasValue: boolean;
}

interface Tag {
  name: string;
  attributes: Attribute[];
  /** Index just after the tag's `>` (or the end of the input). */
  end: number;
}

function isHtmlSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\f' || ch === '\r';
}

/** Longest tag name worth reading; real element names are far shorter. */
const MAX_TAG_NAME = 32;

/**
 * Reads the tag name after a `<`, following the HTML tokenizer: a start tag
 * begins with `<` plus an ASCII letter, and the name runs to whitespace, `/`
 * or `>`. `<3` and `a < b` are therefore text, not tags.
 */
function readTagName(s: string, lt: number): { name: string; end: number } | null {
  if (!isAsciiLetter(s.charCodeAt(lt + 1))) return null;
  let i = lt + 1;
  while (i < s.length && i - lt <= MAX_TAG_NAME) {
    const ch = s.charAt(i);
    if (isHtmlSpace(ch) || ch === '/' || ch === '>') break;
    i++;
  }
  return { name: s.slice(lt + 1, i), end: i };
}

/** Parses a start tag's attributes the way the HTML tokenizer does. */
function parseTag(s: string, lt: number): Tag | null {
  const head = readTagName(s, lt);
  if (!head) return null;
  const attributes: Attribute[] = [];
  const n = s.length;
  let i = head.end;
  // Skip the rest of an over-long name.
  while (i < n && !isHtmlSpace(s.charAt(i)) && s.charAt(i) !== '/' && s.charAt(i) !== '>') i++;
  while (i < n) {
    const ch = s.charAt(i);
    if (isHtmlSpace(ch) || ch === '/') {
      i++;
      continue;
    }
    if (ch === '>') return { name: head.name, attributes, end: i + 1 };
    const nameStart = i;
    i++; // a leading `=` belongs to the name, as in the spec
    while (i < n) {
      const c = s.charAt(i);
      if (isHtmlSpace(c) || c === '/' || c === '>' || c === '=') break;
      i++;
    }
    const name = s.slice(nameStart, i);
    while (i < n && isHtmlSpace(s.charAt(i))) i++;
    if (s.charAt(i) !== '=') {
      attributes.push({ name, value: '', hasValue: false });
      continue;
    }
    i++;
    while (i < n && isHtmlSpace(s.charAt(i))) i++;
    const quote = s.charAt(i);
    let value: string;
    if (quote === '"' || quote === "'") {
      const close = s.indexOf(quote, i + 1);
      const end = close === -1 ? n : close;
      value = s.slice(i + 1, end);
      i = close === -1 ? n : close + 1;
    } else {
      const valueStart = i;
      while (i < n && !isHtmlSpace(s.charAt(i)) && s.charAt(i) !== '>') i++;
      value = s.slice(valueStart, i);
    }
    attributes.push({ name, value, hasValue: true });
  }
  return { name: head.name, attributes, end: n };
}

/**
 * An event-handler attribute: "on" plus a letters-only event name, the shape
 * OWASP CRS rule 941120 ("Event Handler Vector") looks for. The shortest real
 * events (oncut, onend) have three letters, so `on=` and `one=` are not handlers.
 */
function isEventHandlerName(name: string): boolean {
  if (!name.startsWith('on') || name.length < 5 || name.length > 27) return false;
  for (let i = 2; i < name.length; i++) {
    if (!isAsciiLetter(name.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Browsers remove ASCII tab and newline from anywhere in a URL, and leading
 * control characters and spaces (WHATWG URL Standard, "basic URL parser"), so
 * `java&#9;script:` still runs. COMPRESS_WHITE_SPACE has already turned those
 * tabs into spaces, so every character up to U+0020 is dropped before the
 * scheme is compared.
 */
function urlScheme(value: string): string | null {
  let squeezed = '';
  for (let i = 0; i < value.length && squeezed.length < 16; i++) {
    if (value.charCodeAt(i) > 32) squeezed += value.charAt(i);
  }
  return SCRIPT_URL_PREFIXES.find((prefix) => squeezed.startsWith(prefix)) ?? null;
}

/** `expression(` is old Internet Explorer's way to run script from CSS. */
function hasCssExpression(css: string): boolean {
  return css.replace(/\s+/g, '').includes('expression(');
}

function judgeTag(tag: Tag, s: string): string | null {
  const shown = `<${tag.name}>`;
  const danger = DANGEROUS_TAGS.get(tag.name);
  if (danger) return `the ${shown} tag ${danger}`;
  for (const attr of tag.attributes) {
    if (attr.hasValue && isEventHandlerName(attr.name)) {
      return `the ${shown} tag has an ${attr.name}= handler, which runs JavaScript when the event fires`;
    }
    const scheme = attr.hasValue ? urlScheme(attr.value) : null;
    if (scheme) {
      return `a ${scheme} URL in the ${attr.name} attribute runs code in the page`;
    }
    if (attr.name === 'style' && hasCssExpression(attr.value)) {
      return 'a style attribute uses CSS expression(), which old Internet Explorer runs as script';
    }
    if (tag.name === 'meta' && attr.name === 'http-equiv' && attr.value.trim() === 'refresh') {
      return 'a <meta http-equiv=refresh> tag would send the browser to another page';
    }
  }
  if (tag.name === 'style') {
    const close = s.indexOf('</style', tag.end);
    const css = s.slice(tag.end, close === -1 ? s.length : close);
    if (hasCssExpression(css) || css.includes('javascript:')) {
      return 'a <style> block uses CSS expression() or a javascript: URL to run script';
    }
  }
  return null;
}

/**
 * `" onmouseover="alert(1)`: a quote ends the attribute value the input was
 * placed in, and the rest becomes a new event-handler attribute on that tag.
 */
function findAttributeBreak(s: string): string | null {
  for (let q = 0; q < s.length; q++) {
    const ch = s.charAt(q);
    if (ch !== '"' && ch !== "'" && ch !== '`') continue;
    let i = q + 1;
    while (i < s.length && i - q < 8 && (isHtmlSpace(s.charAt(i)) || s.charAt(i) === '/')) i++;
    if (s.charAt(i) !== 'o' || s.charAt(i + 1) !== 'n') continue;
    let j = i + 2;
    while (j < s.length && j - i < 28 && isAsciiLetter(s.charCodeAt(j))) j++;
    const name = s.slice(i, j);
    while (j < s.length && isHtmlSpace(s.charAt(j))) j++;
    if (isEventHandlerName(name) && s.charAt(j) === '=' && s.charAt(j + 1) !== '=') {
      return `a quote closes the attribute, then an ${name}= handler runs JavaScript`;
    }
  }
  return null;
}

/**
 * Reports whether the value, once transformed, contains HTML that a browser
 * would execute if the page echoed it back.
 */
export function detectXss(input: string): Detection {
  const s = transform(input);
  let sawTag = false;

  // Walk the tags as a browser would: a `<` inside an attribute value is
  // part of that value, so parsing resumes after each tag. <style> content is
  // raw text, so skip over it once it has been checked.
  let lt = s.indexOf('<');
  while (lt !== -1) {
    const tag = parseTag(s, lt);
    if (!tag) {
      lt = s.indexOf('<', lt + 1);
      continue;
    }
    sawTag = true;
    const hit = judgeTag(tag, s);
    if (hit) return { matched: true, reason: hit };
    let resume = tag.end;
    if (tag.name === 'style') {
      const close = s.indexOf('</style', tag.end);
      resume = close === -1 ? s.length : close;
    }
    lt = s.indexOf('<', Math.max(resume, lt + 1));
  }

  // A script-loading tag name hidden in an attribute value is still a red
  // flag: the application may echo the value somewhere else.
  for (let i = s.indexOf('<'); i !== -1; i = s.indexOf('<', i + 1)) {
    const head = readTagName(s, i);
    const danger = head ? DANGEROUS_TAGS.get(head.name) : undefined;
    if (head && danger) return { matched: true, reason: `the <${head.name}> tag ${danger}` };
  }

  const broken = findAttributeBreak(s);
  if (broken) return { matched: true, reason: broken };

  // The whole value is a script URL, ready to be dropped into an href or src.
  // A space right after the colon reads as prose ("javascript: the good parts").
  const scheme = urlScheme(s);
  if (scheme && s.charAt(s.indexOf(':') + 1) !== ' ') {
    return { matched: true, reason: `the value is a ${scheme} URL, which runs code if the page uses it as a link` };
  }

  if (sawTag) return { matched: false, reason: 'HTML tags found, but none that can run script' };
  if (s.includes('<')) return { matched: false, reason: "'<' is not followed by a tag name, so it is plain text" };
  return { matched: false, reason: 'no HTML tags or script URLs after decoding' };
}
