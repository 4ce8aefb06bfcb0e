/**
 * Which parts of a value a browser reads as markup, and in which namespace.
 *
 * Whether `<img onerror=...>` is an element or plain text depends on what is
 * open around it: inside an HTML `<style>` it is CSS text, but inside an SVG or
 * MathML `<style>` it is markup, and `<img>` then breaks out of the foreign
 * content into HTML. This module walks a value with a stack of open elements
 * and applies the WHATWG HTML Living Standard's tree-construction rules that
 * decide this (https://html.spec.whatwg.org/multipage/parsing.html):
 *
 * - 13.2.6 "Tree construction" (the tree construction dispatcher): a token is
 *   handled by the HTML rules when the adjusted current node is an HTML
 *   element, a MathML text integration point (mi, mo, mn, ms, mtext; except
 *   for `<mglyph>` and `<malignmark>`), an HTML integration point (SVG
 *   foreignObject, desc, title; MathML annotation-xml with an HTML encoding),
 *   or annotation-xml receiving `<svg>`. Otherwise the foreign-content rules
 *   apply.
 * - 13.2.6.5 "The rules for parsing tokens in foreign content": a start tag
 *   among b, big, blockquote, body, br, center, code, dd, div, dl, dt, em,
 *   embed, h1-h6, head, hr, i, img, li, listing, menu, meta, nobr, ol, p, pre,
 *   ruby, s, small, span, strong, strike, sub, sup, table, tt, u, ul, var (and
 *   `<font>` with color, face or size) pops the foreign elements and is
 *   handled as HTML; so do the end tags `</br>` and `</p>`. Any other start tag
 *   becomes an element of the current foreign namespace, so `<style>`,
 *   `<title>`, `<textarea>` and the rest are not raw text there.
 * - 13.2.6.4.7 "The 'in body' insertion mode": raw text (style, xmp, iframe,
 *   noembed, noframes, and noscript because browsers run with scripting
 *   enabled), script data, RCDATA (title, textarea) and plaintext exist only
 *   for HTML elements. End tags close elements only within scope.
 *
 * The model keeps what decides namespaces and drops what does not: implied end
 * tags, the adoption agency and most of the table modes only change which HTML
 * elements are open. Depth is capped at 512 open elements so end-tag matching
 * stays linear; deeper elements are read in their parent's namespace.
 *
 * Sanitizers parse markup, clean the tree and serialize it, and the browser
 * parses that output again. Two rules can make the second parse differ from
 * the first (mutation XSS): foster parenting (13.2.6.1, "appropriate place for
 * inserting a node") moves stray content out of a `<table>`, so on re-parse it
 * belongs to the table's parent; and a `<form>` that `</form>` left open lets
 * a nested `<form>` in, which the second parse drops because the form element
 * pointer is set. A `reparse` reading applies those outcomes, so that
 * `<math><mtext><table><mglyph><style><img ...>` is judged as the browser
 * finally sees it: `<mglyph>` lands in `<mtext>` as a MathML element, its
 * `<style>` is not raw text, and the `<img>` is real.
 */

import { type Declaration, type Tag, declarationAt, findClosingTag, parseEndTag, parseStartTag } from './html-tokens';
import { isAsciiLetter } from './transforms';

export type Namespace = 'html' | 'svg' | 'mathml';

export interface OpenElement {
  name: string;
  namespace: Namespace;
  /** An HTML integration point: its content is parsed as HTML again. */
  htmlIntegration: boolean;
  /** In the "special" category (13.2.4.2): 'any other end tag' stops here. */
  special: boolean;
  /** Bounds "has an element in scope" (13.2.4.2). */
  scopeBoundary: boolean;
}

/** What a tag's surroundings did to it, for explaining a finding. */
export interface TagContext {
  /** Foreign elements that a breakout start tag popped to reach HTML, innermost first. */
  escaped: readonly OpenElement[];
  /** In the re-parse reading: what the second parse changed, e.g. "<mglyph> leaves the <table> and becomes a MathML element". */
  mutation: string | null;
}

/** Text a browser does not read as markup in this context. */
export type Hidden =
  | { kind: 'declaration'; declaration: Declaration; text: string }
  | { kind: 'raw text'; element: string; text: string }
  | { kind: 'attribute'; attribute: string; text: string };

export interface Reading {
  /** What the visitor reported for the first tag it objected to, or null. */
  finding: string | null;
  /** True if foster parenting or a reopened `<form>` occurred, so a re-parse could read the value differently. */
  mutable: boolean;
}

export type TagVisitor = (tag: Tag, context: TagContext) => string | null;

const BREAKOUT_TAGS = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr',
  'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup', 'table', 'tt', 'u',
  'ul', 'var',
]);

const MATHML_TEXT_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext']);
const SVG_HTML_INTEGRATION = new Set(['foreignobject', 'desc', 'title']);

/** HTML elements whose content the tokenizer reads as text (RAWTEXT, script data, RCDATA, PLAINTEXT). */
const TEXT_ONLY_ELEMENTS = new Set(['style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'script', 'title', 'textarea', 'plaintext']);

/** Start tags that 'in body' handles without pushing an element (void elements, and ones merged or ignored). */
const NOT_PUSHED = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'html', 'head', 'body', 'frameset',
]);

/** Current nodes under which other content is foster-parented ('in table', 'in table body', 'in row'). */
const TABLE_SECTIONS = new Set(['table', 'tbody', 'tfoot', 'thead', 'tr']);
/** Start tags the table insertion modes place themselves instead of foster-parenting. */
const TABLE_CONTENT = new Set([
  'caption', 'colgroup', 'col', 'tbody', 'tfoot', 'thead', 'tr', 'td', 'th', 'table', 'style', 'script',
  'template', 'input', 'form',
]);

/** The "special" category of 13.2.4.2, HTML part; 'any other end tag' stops at these. */
const SPECIAL_HTML = new Set([
  'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body',
  'br', 'button', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'div', 'dl', 'dt',
  'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'keygen', 'li',
  'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript',
  'object', 'ol', 'p', 'param', 'plaintext', 'pre', 'script', 'search', 'section', 'select', 'source',
  'style', 'summary', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'title',
  'tr', 'track', 'ul', 'wbr', 'xmp',
]);

/** HTML elements that bound "has an element in scope" (13.2.4.2). */
const SCOPE_HTML = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template']);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * End tags that close an element only if it is in scope. The table parts use
 * table scope in the spec; ordinary scope differs from it only in which HTML
 * elements stay open.
 */
const SCOPED_END_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'button', 'center', 'details', 'dialog', 'dir', 'div',
  'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'listing', 'main', 'menu',
  'nav', 'ol', 'pre', 'search', 'section', 'select', 'summary', 'ul', 'applet', 'marquee', 'object',
  'li', 'dd', 'dt', 'table', 'caption', 'colgroup', 'tbody', 'tfoot', 'thead', 'tr', 'td', 'th',
  ...HEADINGS,
]);

const MAX_DEPTH = 512;

/** An element an HTML parser reads as text, so a value can hide markup in it. */
export function isTextOnlyInHtml(name: string): boolean {
  return TEXT_ONLY_ELEMENTS.has(name);
}

function isMathmlTextIntegrationPoint(node: OpenElement): boolean {
  return node.namespace === 'mathml' && MATHML_TEXT_INTEGRATION.has(node.name);
}

/** The foreign elements that are scope boundaries and "special" alike. */
function isForeignBoundary(node: OpenElement): boolean {
  return (
    isMathmlTextIntegrationPoint(node) ||
    (node.namespace === 'mathml' && node.name === 'annotation-xml') ||
    (node.namespace === 'svg' && SVG_HTML_INTEGRATION.has(node.name))
  );
}

function openElement(name: string, namespace: Namespace, htmlIntegration = false): OpenElement {
  const node = { name, namespace, htmlIntegration, special: false, scopeBoundary: false };
  node.special = namespace === 'html' ? SPECIAL_HTML.has(name) : isForeignBoundary(node);
  node.scopeBoundary = namespace === 'html' ? SCOPE_HTML.has(name) : isForeignBoundary(node);
  return node;
}

function startsHtmlIntegrationPoint(tag: Tag, namespace: Namespace): boolean {
  if (namespace === 'svg') return SVG_HTML_INTEGRATION.has(tag.name);
  if (namespace !== 'mathml' || tag.name !== 'annotation-xml') return false;
  const encoding = tag.attributes.find((a) => a.name === 'encoding')?.value.trim();
  return encoding === 'text/html' || encoding === 'application/xhtml+xml';
}

/** 13.2.6.5: the start tags that leave foreign content. */
function breaksOut(tag: Tag): boolean {
  if (BREAKOUT_TAGS.has(tag.name)) return true;
  return tag.name === 'font' && tag.attributes.some((a) => a.name === 'color' || a.name === 'face' || a.name === 'size');
}

const NAMESPACE_LABEL: Readonly<Record<Namespace, string>> = { html: 'an HTML', svg: 'an SVG', mathml: 'a MathML' };

class MarkupReader {
  private readonly stack: OpenElement[] = [];
  /** How many open elements carry each name, so end tags for names not open cost nothing. */
  private readonly openNames = new Map<string, number>();
  /** The form element pointer (13.2.4.4), set by `<form>` and cleared only by `</form>`. */
  private formPointer: OpenElement | null = null;
  private mutation: string | null = null;
  private finding: string | null = null;
  private mutable = false;

  constructor(
    private readonly s: string,
    private readonly reparse: boolean,
    private readonly visit: TagVisitor,
    private readonly hide: (hidden: Hidden) => void,
  ) {}

  read(): Reading {
    const s = this.s;
    let i = 0;
    while (this.finding === null) {
      const lt = s.indexOf('<', i);
      if (lt === -1) break;
      const next = s.charAt(lt + 1);
      if (isAsciiLetter(s.charCodeAt(lt + 1))) {
        i = this.startTag(parseStartTag(s, lt) as Tag);
      } else if (next === '/' && isAsciiLetter(s.charCodeAt(lt + 2))) {
        const tag = parseEndTag(s, lt) as Tag;
        this.hideAttributes(tag);
        this.endTag(tag.name);
        i = tag.end;
      } else if (next === '/' && s.charAt(lt + 2) === '>') {
        i = lt + 3; // `</>` is dropped
      } else if (next === '!' || next === '?' || next === '/') {
        const current = this.current();
        const declaration = declarationAt(s, lt, current !== undefined && current.namespace !== 'html');
        this.hide({ kind: 'declaration', declaration: declaration.kind, text: s.slice(lt, declaration.end) });
        i = declaration.end;
      } else {
        i = lt + 1; // `<` before anything else is text
      }
    }
    return { finding: this.finding, mutable: this.mutable };
  }

  private current(): OpenElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  private push(element: OpenElement): void {
    if (this.stack.length >= MAX_DEPTH) return;
    this.stack.push(element);
    this.openNames.set(element.name, (this.openNames.get(element.name) ?? 0) + 1);
  }

  /** Pops elements until `k` elements remain. */
  private popTo(k: number): void {
    while (this.stack.length > k) this.forget(this.stack.pop() as OpenElement);
  }

  private forget(element: OpenElement): void {
    this.openNames.set(element.name, (this.openNames.get(element.name) ?? 1) - 1);
  }

  /** Pops the current node while it is foreign content outside any integration point. */
  private popForeign(): OpenElement[] {
    const popped: OpenElement[] = [];
    for (let top = this.current(); top && top.namespace !== 'html' && !top.htmlIntegration && !isMathmlTextIntegrationPoint(top); top = this.current()) {
      popped.push(top);
      this.popTo(this.stack.length - 1);
    }
    return popped;
  }

  private hideAttributes(tag: Tag): void {
    for (const attr of tag.attributes) {
      if (attr.value.includes('<')) this.hide({ kind: 'attribute', attribute: attr.name, text: attr.value });
    }
  }

  /** Hands the tag to the visitor; true if the visitor objected and reading stops. */
  private report(tag: Tag, escaped: readonly OpenElement[]): boolean {
    this.hideAttributes(tag);
    this.finding = this.visit(tag, { escaped, mutation: this.mutation });
    return this.finding !== null;
  }

  /**
   * The node whose namespace decides how a start tag is read: the current node,
   * except that in the re-parse reading content foster-parented out of a table
   * is judged by the table's parent, where serialization puts it.
   */
  private decidingNode(name: string): OpenElement | undefined {
    const current = this.current();
    if (!current || current.namespace !== 'html' || !TABLE_SECTIONS.has(current.name) || TABLE_CONTENT.has(name)) {
      return current;
    }
    this.mutable = true;
    if (!this.reparse) return current;
    let table = this.stack.length - 1;
    while (table >= 0 && !(this.stack[table]?.namespace === 'html' && this.stack[table]?.name === 'table')) table--;
    return table > 0 ? this.stack[table - 1] : undefined;
  }

  /** The tree construction dispatcher (13.2.6) for a start tag. Returns where reading resumes. */
  private startTag(tag: Tag): number {
    const node = this.decidingNode(tag.name);
    const html =
      node === undefined ||
      node.namespace === 'html' ||
      node.htmlIntegration ||
      (isMathmlTextIntegrationPoint(node) && tag.name !== 'mglyph' && tag.name !== 'malignmark') ||
      (node.namespace === 'mathml' && node.name === 'annotation-xml' && tag.name === 'svg');
    if (html) return this.htmlStartTag(tag, []);

    if (breaksOut(tag)) return this.htmlStartTag(tag, this.popForeign());

    // Any other start tag: an element in the deciding node's foreign namespace.
    if (node !== this.current()) {
      this.mutation = `<${tag.name}> leaves the <table> and becomes ${NAMESPACE_LABEL[node.namespace]} element`;
    }
    if (this.report(tag, [])) return tag.end;
    if (!tag.selfClosing) {
      this.push(openElement(tag.name, node.namespace, startsHtmlIntegrationPoint(tag, node.namespace)));
    }
    return tag.end;
  }

  /** A start tag under the HTML rules ('in body', with the table modes' foster parenting). */
  private htmlStartTag(tag: Tag, escaped: readonly OpenElement[]): number {
    if (this.report(tag, escaped)) return tag.end;
    const name = tag.name;
    if (name === 'svg' || name === 'math') {
      if (!tag.selfClosing) this.push(openElement(name, name === 'svg' ? 'svg' : 'mathml'));
      return tag.end;
    }
    if (name === 'form') {
      this.openForm();
      return tag.end;
    }
    if (TEXT_ONLY_ELEMENTS.has(name)) return this.skipText(tag);
    if (!NOT_PUSHED.has(name)) this.push(openElement(name, 'html'));
    return tag.end;
  }

  private openForm(): void {
    if (this.formPointer) return;
    if (this.stack.some((e) => e.namespace === 'html' && e.name === 'form')) {
      // `</form>` cleared the pointer while the form stayed open (it was out of scope),
      // so this form nests inside it. A re-parse of the serialized tree drops it.
      this.mutable = true;
      if (this.reparse) {
        this.mutation = 'the nested <form> is dropped and what it held changes namespace';
        return;
      }
    }
    const form = openElement('form', 'html');
    this.formPointer = form;
    const current = this.current();
    // In a table the form is inserted and popped at once.
    if (!(current?.namespace === 'html' && TABLE_SECTIONS.has(current.name))) this.push(form);
  }

  /** Skips the content of a raw text, RCDATA or plaintext element, noting it as hidden. */
  private skipText(tag: Tag): number {
    const s = this.s;
    const close = tag.name === 'plaintext' ? -1 : findClosingTag(s, tag.end, tag.name);
    this.hide({ kind: 'raw text', element: tag.name, text: s.slice(tag.end, close === -1 ? s.length : close) });
    if (close === -1) return s.length;
    const end = parseEndTag(s, close) as Tag;
    this.hideAttributes(end);
    return end.end;
  }

  /** The dispatcher for an end tag: foreign rules unless the current node is HTML. */
  private endTag(name: string): void {
    // An end tag for a name with nothing open changes nothing, except these few.
    if (!this.openNames.get(name) && name !== 'p' && name !== 'br' && name !== 'form' && !HEADINGS.has(name)) return;
    const current = this.current();
    if (!current || current.namespace === 'html') {
      this.htmlEndTag(name);
      return;
    }
    if (name === 'br' || name === 'p') {
      this.popForeign();
      this.htmlEndTag(name);
      return;
    }
    // 13.2.6.5 "Any other end tag": close the nearest foreign element of that
    // name, handing over to the HTML rules at the first HTML element.
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const node = this.stack[k] as OpenElement;
      if (k < this.stack.length - 1 && node.namespace === 'html') {
        this.htmlEndTag(name);
        return;
      }
      if (node.name === name) {
        this.popTo(k);
        return;
      }
    }
  }

  private htmlEndTag(name: string): void {
    if (name === 'br' || name === 'body' || name === 'html') return;
    if (name === 'form') {
      const form = this.formPointer;
      this.formPointer = null;
      const k = form ? this.inScope((e) => e === form) : -1;
      if (k >= 0) this.forget(this.stack.splice(k, 1)[0] as OpenElement); // only the form goes; what it holds stays open
      return;
    }
    if (SCOPED_END_TAGS.has(name) || name === 'p') {
      const heading = HEADINGS.has(name);
      const k = this.inScope((e) => e.namespace === 'html' && (heading ? HEADINGS.has(e.name) : e.name === name), name === 'p');
      if (k >= 0) this.popTo(k);
      return;
    }
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const node = this.stack[k] as OpenElement;
      if (node.namespace === 'html' && node.name === name) {
        this.popTo(k);
        return;
      }
      if (node.special) return;
    }
  }

  /** Index of the nearest open element that matches and is in scope (button scope for `</p>`), or -1. */
  private inScope(matches: (e: OpenElement) => boolean, buttonScope = false): number {
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const node = this.stack[k] as OpenElement;
      if (matches(node)) return k;
      if (node.scopeBoundary || (buttonScope && node.namespace === 'html' && node.name === 'button')) return -1;
    }
    return -1;
  }
}

/**
 * Walks the value as a browser parses it, calling `visit` for every start tag
 * read as markup and `hide` for every stretch of text that could be markup in
 * another context (raw text, comments, attribute values). With `reparse`, the
 * walk reads the value as the second parse of a sanitizer's output would.
 */
export function readMarkup(s: string, reparse: boolean, visit: TagVisitor, hide: (hidden: Hidden) => void = () => {}): Reading {
  return new MarkupReader(s, reparse, visit, hide).read();
}
