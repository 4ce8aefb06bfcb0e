/**
 * Cross-site scripting detection for the simulated AWS WAF's XSS match
 * statement (AWS WAF Developer Guide, "Cross-site scripting attack rule
 * statement",
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-xss-match.html).
 *
 * The value is first run through the rule's text transformations
 * (transforms.ts). Then it is read the way a browser's HTML parser reads it
 * (html-tokens.ts, html-tree.ts), and only constructs a browser would execute
 * are reported: elements that load or run code, event-handler attributes,
 * javascript: and similar URLs, and script in CSS. The checks, in order:
 *
 * 1. The value as a browser parses it, with SVG and MathML foreign content
 *    handled as the WHATWG HTML standard specifies, so that
 *    `<svg><style><img onerror=...>` is seen as the markup it is.
 * 2. The value as a browser parses a sanitizer's output of it a second time,
 *    when the first parse met the rules that make the two parses differ.
 * 3. Markup the first parse treated as text: inside raw text such as `<style>`,
 *    in comments, in attribute values. The WAF sees the value, not the page,
 *    so it cannot know that the value will land where that text stays text;
 *    inside `<svg>` the same `<style>` holds live markup.
 * 4. A script-loading tag spliced into another tag (`<scr<script>ipt>`).
 * 5. A quote or space that ends the attribute value the input is placed in,
 *    followed by new attributes.
 * 6. The whole value as a script URL, ready for an href.
 */

import { type Attribute, type Tag, parseStartTag, readAttributes, readTagName } from './html-tokens';
import { type Hidden, type TagContext, isTextOnlyInHtml, readMarkup } from './html-tree';
import { type Detection, isAsciiLetter, transform } from './transforms';

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

/**
 * Browsers decode every named character reference in an attribute value
 * (WHATWG HTML, 13.5 "Named character references"), while HTML_ENTITY_DECODE
 * handles only the few AWS documents. These are the references that can spell
 * out a URL scheme's colon and the whitespace browsers strip from URLs, or the
 * punctuation that calls a function. The table is case-sensitive (`&Tab;`),
 * but the value has been lowercased by now, so the lowercase forms count.
 */
const BROWSER_REFERENCES: ReadonlyMap<string, string> = new Map([
  ['&colon;', ':'],
  ['&tab;', '\t'],
  ['&newline;', '\n'],
  ['&lpar;', '('],
  ['&rpar;', ')'],
  ['&grave;', '`'],
  ['&equals;', '='],
]);

function decodeAsBrowser(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:colon|tab|newline|lpar|rpar|grave|equals);/g, (ref) => BROWSER_REFERENCES.get(ref) ?? ref);
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
 * Handler code can only do harm by calling something (`(`, or the backtick of
 * a tagged template) or by assigning (`location=...`). Used where an
 * attribute break is inferred from loose text, so that `online=true` in a
 * sentence is not a handler.
 */
function callsOrAssigns(code: string): boolean {
  return /[(`=]/.test(code);
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

/**
 * Script in CSS: `expression(` is old Internet Explorer's way to run script
 * from a style, and old browsers followed `url(javascript:...)`.
 */
function judgeCss(css: string): string | null {
  const squeezed = css.replace(/\s+/g, '');
  if (squeezed.includes('expression(')) return 'uses CSS expression(), which old Internet Explorer runs as script';
  if (squeezed.includes('javascript:')) return 'uses a javascript: URL in CSS, which old browsers run as script';
  return null;
}

/** What one attribute does, or null if it is harmless. */
function judgeAttribute(attr: Attribute, tagName: string | null, needsCall: boolean): string | null {
  if (!attr.hasValue) return null;
  const value = decodeAsBrowser(attr.value);
  if (isEventHandlerName(attr.name) && (!needsCall || callsOrAssigns(value))) {
    return tagName
      ? `the <${tagName}> tag has an ${attr.name}= handler, which runs JavaScript when the event fires`
      : `an ${attr.name}= handler runs JavaScript`;
  }
  const scheme = urlScheme(value);
  if (scheme) return `a ${scheme} URL in the ${attr.name} attribute runs code in the page`;
  const css = attr.name === 'style' ? judgeCss(value) : null;
  if (css) return `a style attribute ${css}`;
  return null;
}

/**
 * The text tags are read from, with a note of the last `</style` found. Tags
 * are judged in document order, and every `<style>` before the same
 * `</style>` shares its end, so one search and one judgement of the longest
 * of those contents serve them all. That keeps `<style>` repeated many times
 * linear.
 */
interface Source {
  text: string;
  /** Where the last search for `</style` started, and what it found (-1: nothing). */
  searchedFrom: number;
  closeAt: number;
  judgedCss: Set<number>;
}

function source(text: string): Source {
  return { text, searchedFrom: Infinity, closeAt: -1, judgedCss: new Set() };
}

function styleClose(from: Source, at: number): number {
  if (at < from.searchedFrom || (from.closeAt !== -1 && from.closeAt < at)) {
    from.searchedFrom = at;
    from.closeAt = from.text.indexOf('</style', at);
  }
  return from.closeAt;
}

/** What a start tag does, or null if it is harmless. */
function judgeTag(tag: Tag, from: Source): string | null {
  const danger = DANGEROUS_TAGS.get(tag.name);
  if (danger) return `the <${tag.name}> tag ${danger}`;
  for (const attr of tag.attributes) {
    const finding = judgeAttribute(attr, tag.name, false);
    if (finding) return finding;
    if (tag.name === 'meta' && attr.name === 'http-equiv' && attr.value.trim() === 'refresh') {
      return 'a <meta http-equiv=refresh> tag would send the browser to another page';
    }
  }
  if (tag.name === 'style') {
    const s = from.text;
    const close = styleClose(from, tag.end);
    if (from.judgedCss.has(close)) return null;
    from.judgedCss.add(close);
    const css = judgeCss(s.slice(tag.end, close === -1 ? s.length : close));
    if (css) return `a <style> block ${css}`;
  }
  return null;
}

const FOREIGN_ROOT = { svg: '<svg>', mathml: '<math>' } as const;

/** A finding from the first parse, with what foreign content had to do with it. */
function explainParse(finding: string, context: TagContext): string {
  const textOnly = context.escaped.find((e) => isTextOnlyInHtml(e.name));
  if (!textOnly || textOnly.namespace === 'html') return finding;
  return `inside ${FOREIGN_ROOT[textOnly.namespace]}, <${textOnly.name}> is not raw text, so ${finding}`;
}

/** A finding from the second parse of a sanitizer's output. */
function explainReparse(finding: string, context: TagContext): string {
  const textOnly = context.escaped.find((e) => isTextOnlyInHtml(e.name));
  const change = context.mutation ?? 'elements change namespace';
  const lost = textOnly ? `, <${textOnly.name}> is no longer raw text` : '';
  return `after a sanitizer's output is parsed again, ${change}${lost}, and ${finding} (mutation XSS)`;
}

const DECLARATION_LABEL = { comment: 'a comment', cdata: 'a CDATA section', 'bogus comment': 'a <!...> declaration' } as const;

/** A finding in text the first parse did not read as markup. */
function explainHidden(finding: string, hidden: Hidden): string {
  switch (hidden.kind) {
    case 'raw text':
      return `<${hidden.element}> holds this as plain text here, but not in SVG or MathML, where the page may place the value; as markup, ${finding}`;
    case 'declaration':
      return `${DECLARATION_LABEL[hidden.declaration]} hides this here, but the page decides where the value lands; as markup, ${finding}`;
    case 'attribute':
      return `the ${hidden.attribute} attribute holds this as text, but the application may echo the value elsewhere; as markup, ${finding}`;
  }
}

/** Nesting of attribute values inside attribute values worth unpacking. */
const MAX_HIDDEN_DEPTH = 2;

/**
 * Reads text as flat markup, with no context: every tag and the attribute
 * values inside them. Resuming after each tag keeps this linear.
 */
function scanAsMarkup(text: string, depth: number): string | null {
  const from = source(text);
  let lt = text.indexOf('<');
  while (lt !== -1) {
    const tag = parseStartTag(text, lt);
    if (!tag) {
      lt = text.indexOf('<', lt + 1);
      continue;
    }
    const finding = judgeTag(tag, from);
    if (finding) return finding;
    if (depth < MAX_HIDDEN_DEPTH) {
      for (const attr of tag.attributes) {
        const inner = attr.value.includes('<') ? scanAsMarkup(attr.value, depth + 1) : null;
        if (inner) return inner;
      }
    }
    lt = text.indexOf('<', Math.max(tag.end, lt + 1));
  }
  return null;
}

/**
 * `<scr<script>ipt>`: a tag that loads or runs code, written inside another
 * tag's name or attributes, where no parse sees it. A filter that strips tags
 * once leaves it whole, so its name anywhere is reason enough.
 */
function findSplicedTag(s: string): string | null {
  for (let lt = s.indexOf('<'); lt !== -1; lt = s.indexOf('<', lt + 1)) {
    const head = readTagName(s, lt);
    const danger = head ? DANGEROUS_TAGS.get(head.name) : undefined;
    if (head && danger) {
      return `a <${head.name}> tag is spliced into other markup, and once a filter strips that markup, the <${head.name}> tag ${danger}`;
    }
  }
  return null;
}

/**
 * `" onmouseover="alert(1)`: the value is placed inside an attribute value and
 * ends it, and the tokenizer reads what follows as new attributes on that tag
 * (13.2.5.39 "After attribute value (quoted) state"). A "..." value ends at
 * the first `"`, a '...' value at the first `'`, an unquoted one at the first
 * space; each is tried, since the WAF cannot know which the page uses.
 */
function findAttributeBreak(s: string): string | null {
  const breaks: ReadonlyArray<[number, string]> = [
    [s.indexOf('"'), 'a quote closes the attribute'],
    [s.indexOf("'"), 'a quote closes the attribute'],
    // COMPRESS_WHITE_SPACE has turned every HTML whitespace character into a space.
    [s.indexOf(' '), 'a space ends the unquoted attribute'],
  ];
  for (const [at, opener] of breaks) {
    if (at === -1) continue;
    for (const attr of readAttributes(s, at + 1).attributes) {
      const finding = judgeAttribute(attr, null, true);
      if (finding) return `${opener}, then ${finding}`;
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
  const first = source(s);
  let sawTag = false;
  const hidden: Hidden[] = [];

  const parse = readMarkup(
    s,
    false,
    (tag, context) => {
      sawTag = true;
      const finding = judgeTag(tag, first);
      return finding && explainParse(finding, context);
    },
    (text) => hidden.push(text),
  );
  if (parse.finding) return { matched: true, reason: parse.finding };

  if (parse.mutable) {
    const second = source(s);
    const reparse = readMarkup(s, true, (tag, context) => {
      const finding = judgeTag(tag, second);
      return finding && explainReparse(finding, context);
    });
    if (reparse.finding) return { matched: true, reason: reparse.finding };
  }

  for (const text of hidden) {
    const finding = scanAsMarkup(text.text, 0);
    if (finding) return { matched: true, reason: explainHidden(finding, text) };
  }

  const spliced = findSplicedTag(s);
  if (spliced) return { matched: true, reason: spliced };

  const broken = findAttributeBreak(s);
  if (broken) return { matched: true, reason: broken };

  // The whole value is a script URL, ready to be dropped into an href or src.
  // A space right after the colon reads as prose ("javascript: the good parts").
  const url = decodeAsBrowser(s);
  const scheme = urlScheme(url);
  if (scheme && url.charAt(url.indexOf(':') + 1) !== ' ') {
    return { matched: true, reason: `the value is a ${scheme} URL, which runs code if the page uses it as a link` };
  }

  if (sawTag) return { matched: false, reason: 'HTML tags found, but none that can run script' };
  if (s.includes('<')) return { matched: false, reason: "'<' is not followed by a tag name, so it is plain text" };
  return { matched: false, reason: 'no HTML tags or script URLs after decoding' };
}
