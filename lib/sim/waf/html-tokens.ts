/**
 * The parts of the HTML tokenizer the XSS detector needs: start and end tags
 * with their attributes, comments, CDATA sections, and the end of raw text.
 * Each function follows the tokenizer states of the WHATWG HTML Living
 * Standard, section 13.2.5 "Tokenization"
 * (https://html.spec.whatwg.org/multipage/parsing.html#tokenization), so that
 * the detector splits a value into markup and text exactly where a browser
 * does. Input is expected to be transformed already (lowercased, whitespace
 * compressed). Every function is linear in the length of what it reads.
 */

import { isAsciiLetter } from './transforms';

export interface Attribute {
  name: string;
  value: string;
  hasValue: boolean;
}

export interface Tag {
  name: string;
  attributes: Attribute[];
  /** `<br/>`: a `/` straight before the closing `>`, which foreign content honours. */
  selfClosing: boolean;
  /** Index of the tag's `<`. */
  start: number;
  /** Index just after the tag's `>` (or the end of the input). */
  end: number;
}

/** Tab, LF, FF, CR and space: the separators inside a tag. */
export function isHtmlSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\f' || ch === '\r';
}

/** Longest tag name worth reading; real element names are far shorter. */
const MAX_TAG_NAME = 32;

function endsName(ch: string): boolean {
  return isHtmlSpace(ch) || ch === '/' || ch === '>';
}

/**
 * Reads the tag name after a `<`, following the HTML tokenizer: a start tag
 * begins with `<` plus an ASCII letter, and the name runs to whitespace, `/`
 * or `>`. `<3` and `a < b` are therefore text, not tags.
 */
export function readTagName(s: string, lt: number): { name: string; end: number } | null {
  if (!isAsciiLetter(s.charCodeAt(lt + 1))) return null;
  let i = lt + 1;
  while (i < s.length && i - lt <= MAX_TAG_NAME && !endsName(s.charAt(i))) i++;
  return { name: s.slice(lt + 1, i), end: i };
}

/**
 * Reads attributes from `from` up to and including the tag's `>`, the way the
 * tokenizer's attribute states do (13.2.5.32 "Before attribute name state"
 * onwards). Also used on the text after a quote that ends an attribute value
 * early, because the tokenizer carries on with exactly these states there.
 */
export function readAttributes(s: string, from: number): { attributes: Attribute[]; selfClosing: boolean; end: number } {
  const attributes: Attribute[] = [];
  const n = s.length;
  let i = from;
  while (i < n) {
    const ch = s.charAt(i);
    if (ch === '/' && s.charAt(i + 1) === '>') return { attributes, selfClosing: true, end: i + 2 };
    if (isHtmlSpace(ch) || ch === '/') {
      i++;
      continue;
    }
    if (ch === '>') return { attributes, selfClosing: false, end: i + 1 };
    const nameStart = i;
    i++; // a leading `=` belongs to the name, as in the spec
    while (i < n) {
      const c = s.charAt(i);
      if (endsName(c) || c === '=') break;
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
      value = s.slice(i + 1, close === -1 ? n : close);
      i = close === -1 ? n : close + 1;
    } else {
      // Unquoted values run to whitespace or `>`; a `/` is part of the value.
      const valueStart = i;
      while (i < n && !isHtmlSpace(s.charAt(i)) && s.charAt(i) !== '>') i++;
      value = s.slice(valueStart, i);
    }
    attributes.push({ name, value, hasValue: true });
  }
  return { attributes, selfClosing: false, end: n };
}

/** Parses the start tag at `lt` (a `<` followed by a letter), attributes and all. */
export function parseStartTag(s: string, lt: number): Tag | null {
  const head = readTagName(s, lt);
  if (!head) return null;
  let i = head.end;
  // Skip the rest of an over-long name.
  while (i < s.length && !endsName(s.charAt(i))) i++;
  const rest = readAttributes(s, i);
  return { name: head.name, attributes: rest.attributes, selfClosing: rest.selfClosing, start: lt, end: rest.end };
}

/**
 * Parses the end tag at `lt` (`</` followed by a letter). The tokenizer reads
 * attributes on end tags too, then drops them; they are returned so that
 * markup hidden in them can still be judged.
 */
export function parseEndTag(s: string, lt: number): Tag | null {
  const tag = parseStartTag(s, lt + 1);
  return tag ? { ...tag, start: lt } : null;
}

export type Declaration = 'comment' | 'cdata' | 'bogus comment';

/**
 * Where the comment, CDATA section or bogus comment that starts at `lt` ends
 * (13.2.5.42 "Markup declaration open state" and the comment states after it).
 * `<!-->` and `<!--->` are complete, empty comments; otherwise a comment ends at
 * `-->` or `--!>`. `<![CDATA[` opens a CDATA section only in foreign content;
 * in HTML it is a bogus comment that ends at the first `>`, as do `<!doctype`,
 * `<?` and `</` followed by something other than a letter. The spec matches
 * `[CDATA[` case-sensitively, but the value has been lowercased by now, so
 * either spelling counts. A declaration that never closes runs to the end.
 */
export function declarationAt(s: string, lt: number, foreign: boolean): { kind: Declaration; end: number } {
  if (s.startsWith('<!--', lt)) {
    const body = lt + 4;
    if (s.charAt(body) === '>') return { kind: 'comment', end: body + 1 };
    if (s.startsWith('->', body)) return { kind: 'comment', end: body + 2 };
    const dashes = s.indexOf('--', body);
    let i = dashes;
    while (i !== -1) {
      let j = i + 2;
      while (s.charAt(j) === '-') j++; // `--->` still ends the comment
      if (s.charAt(j) === '>') return { kind: 'comment', end: j + 1 };
      if (s.startsWith('!>', j)) return { kind: 'comment', end: j + 2 };
      i = s.indexOf('--', j);
    }
    return { kind: 'comment', end: s.length };
  }
  if (foreign && s.startsWith('<![cdata[', lt)) {
    const close = s.indexOf(']]>', lt + 9);
    return { kind: 'cdata', end: close === -1 ? s.length : close + 3 };
  }
  const close = s.indexOf('>', lt + 2);
  return { kind: 'bogus comment', end: close === -1 ? s.length : close + 1 };
}

/**
 * Index of the end tag that closes raw text or RCDATA opened by `<name>`:
 * `</name` followed by whitespace, `/` or `>` (13.2.5.11 "RCDATA end tag name
 * state", 13.2.5.14 "RAWTEXT end tag name state"; the spec calls it an
 * appropriate end tag). -1 if there is none, in which case the text runs to
 * the end of the input.
 */
export function findClosingTag(s: string, from: number, name: string): number {
  const needle = '</' + name;
  let at = s.indexOf(needle, from);
  while (at !== -1) {
    if (endsName(s.charAt(at + needle.length))) return at;
    at = s.indexOf(needle, at + needle.length);
  }
  return -1;
}
