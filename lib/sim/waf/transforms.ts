/**
 * The text transformations the simulated AWS WAF applies before its SQL
 * injection and XSS detectors look at a value, and the small pieces every
 * detector shares (the result type, the inspection limit, character classes).
 *
 * AWS WAF runs a rule's text transformations in priority order and hands the
 * result to the match statement (AWS WAF Developer Guide, "Text transformation
 * options",
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-transformation.html).
 * The simulated SQLi and XSS rules use URL_DECODE, HTML_ENTITY_DECODE,
 * LOWERCASE and COMPRESS_WHITE_SPACE. Every function here is pure and linear
 * in the input size, and never throws on malformed input.
 */

/** What a detector says about one value. */
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
    const decoded = urlDecode(s, pass === 0);
    if (decoded === s) break;
    s = decoded;
  }
  s = htmlEntityDecode(s);
  s = asciiLowercase(s);
  return compressWhiteSpace(s);
}

/** The value of one hex digit's character code, or -1. */
export function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 70) return code - 55; // A-F
  if (code >= 97 && code <= 102) return code - 87; // a-f
  return -1;
}

/**
 * URL_DECODE. `%XX` escapes become bytes, and runs of bytes are read as UTF-8.
 * A `%` that is not followed by two hex digits is kept literally rather than
 * rejected, so malformed input never throws (unlike `decodeURIComponent`).
 * On the first pass `+` becomes a space, as in form-encoded query strings
 * (WHATWG URL Standard, "application/x-www-form-urlencoded parsing"), because
 * that is how the application behind the WAF reads the value. A second pass
 * models a further percent-decoding only: the `+` that `%2B` decoded to is a
 * plus sign to the application, not a space.
 */
function urlDecode(s: string, plusIsSpace: boolean): string {
  if (s.indexOf('%') === -1 && (!plusIsSpace || s.indexOf('+') === -1)) return s;
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
    out += code === 43 /* + */ && plusIsSpace ? ' ' : s.charAt(i);
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

/** A-Z or a-z. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** 0-9. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whitespace between SQL tokens: space, \t \n \v \f \r and U+00A0. */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

