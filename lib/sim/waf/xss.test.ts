import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectXss } from './xss';
import { MAX_INSPECTED_CHARS } from './transforms';
import { BENIGN_LOOKALIKES, LONG_BENIGN_SENTENCE } from './lookalikes.fixture';

describe('detectXss', () => {
  it.each([
    '<script>alert(1)</script>',
    '<ScRiPt src=//evil.example/x.js>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<body onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '"><script>alert(1)</script>',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<iframe src="javascript:alert(1)">',
    '" onmouseover="alert(1)',
    '<details open ontoggle=alert(1)>',
    // Case, encoding and whitespace variants.
    '<SCRIPT>alert(document.cookie)</SCRIPT>',
    '<script\n>alert(1)</script>',
    '%253Cscript%253Ealert(1)%253C%252Fscript%253E',
    '&#60;script&#62;alert(1)&#60;/script&#62;',
    '&#x3C;img src=x onerror=alert(1)&#x3E;',
    '<svg/onload=alert(1)>',
    '<IMG SRC=x ONERROR=alert(1)>',
    '<img src=x onerror\t=alert(1)>',
    '<input autofocus onfocus=alert(1)>',
    '<body/onpageshow=alert(1)>',
    '<img src=x onerror=alert(1)',
    // Script URLs.
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<form action="vbscript:msgbox(1)"><button>go</button></form>',
    '<a href="data:text/html,<b>hi</b>">x</a>',
    // Other executable elements.
    '<object data="x.swf">',
    '<embed src=x.swf>',
    '<div style="width: expression(alert(1))">',
    '<style>body{background:expression(alert(1))}</style>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<a title="<script>alert(1)</script>">',
    // Breaking out of an attribute value.
    "' onfocus='alert(1)' autofocus='",
    '"/onclick="alert(1)',
    '%22%20onmouseover%3D%22alert(1)',
    // A bare script URL, ready for an href.
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(document.domain)',
    'vbscript:msgbox(1)',
  ])('flags %j', (input) => {
    expect(detectXss(input).matched).toBe(true);
  });

  it.each([
    ...BENIGN_LOOKALIKES,
    '<b>bold</b> and <i>italic</i>',
    '<a href="https://example.com/">link</a>',
    '<img src="cat.png" alt="a cat">',
    '<p class="onload">hello</p>',
    'x << 2 and 1 <= 2',
    '<<<>>>',
    '"quoted" one=two',
    'data:text/plain,hello',
    'javascript: the good parts',
    '<style>p { color: red }</style>',
    '<constructor> and <toString>',
  ])('lets %j through', (input) => {
    expect(detectXss(input).matched).toBe(false);
  });

  it.each([
    ['<script>alert(1)</script>', /^the <script> tag runs JavaScript in the page$/],
    ['<img src=x onerror=alert(1)>', /^the <img> tag has an onerror= handler, which runs JavaScript when the event fires$/],
    ['<a href="javascript:alert(1)">x</a>', /^a javascript: URL in the href attribute runs code in the page$/],
    ['" onmouseover="alert(1)', /^a quote closes the attribute, then an onmouseover= handler runs JavaScript$/],
    ['<iframe src="javascript:alert(1)">', /<iframe>/],
    ['<meta http-equiv="refresh" content="0">', /meta http-equiv=refresh/],
    ['<a href="data:text/html,<b>hi</b>">x</a>', /^a data:text\/html URL in the href attribute/],
  ])('explains %j in plain English', (input, reason) => {
    expect(detectXss(input).reason).toMatch(reason);
  });

  it.each([
    ['<3', "'<' is not followed by a tag name, so it is plain text"],
    ['<b>bold</b>', 'HTML tags found, but none that can run script'],
    ['shoes', 'no HTML tags or script URLs after decoding'],
  ])('explains why %j is harmless', (input, reason) => {
    expect(detectXss(input)).toEqual({ matched: false, reason });
  });
});

/**
 * SVG and MathML are foreign content: there `<style>`, `<title>` and the like
 * are not raw text, and some start tags break back out into HTML (WHATWG HTML,
 * 13.2.6.5 "The rules for parsing tokens in foreign content").
 */
describe('detectXss in foreign content', () => {
  it.each([
    '<svg><style><img src=x onerror=alert(1)>',
    '<math><style><img src=x onerror=alert(1)>',
    '<svg><g><style><img src=x onerror=alert(1)>',
    '<svg><xmp><img src=x onerror=alert(1)>',
    '<svg><textarea><img src=x onerror=alert(1)>',
    '<svg><noscript><img src=x onerror=alert(1)>',
    '<svg><font color=red><style><img src=x onerror=alert(1)>',
    '<math><mi><mglyph><style><img src=x onerror=alert(1)>',
    '<math><mtext><mglyph><svg><mtext><style><img src=x onerror=alert(1)>',
    '<svg><foreignObject><img src=x onerror=alert(1)>',
    '<svg><desc><img src=x onerror=alert(1)>',
    '<svg><title><img src=x onerror=alert(1)>',
    '<svg><script>alert(1)</script>',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    // Mutation XSS: safe in the first parse, live once a sanitizer's output is parsed again.
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    // HTML parses these as text, which is only true in some contexts.
    '<svg><title><style><img src=x onerror=alert(1)>',
    '<math><mi><style><img src=x onerror=alert(1)>',
    '<math><annotation-xml encoding="text/html"><style><img src=x onerror=alert(1)>',
    '<svg><![CDATA[><img src=x onerror=alert(1)>]]>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  ])('flags %j', (input) => {
    expect(detectXss(input).matched).toBe(true);
  });

  it.each([
    '<svg viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>',
    '<svg width="16" height="16"><title>Close</title><use href="#icon-close"/></svg>',
    '<svg><style>.a{fill:red}</style><circle class="a" r="4"/></svg>',
    '<svg><text x="1">Label</text></svg>',
    '<svg><a href="/docs"><text>docs</text></a></svg>',
    '<svg><foreignObject><p>caption</p></foreignObject></svg>',
    '<math><mi>x</mi></math>',
    '<math><mi>x</mi><mo>=</mo><mn>2</mn></math>',
    '<math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>',
    '<math><mtext>if x &lt; 3</mtext></math>',
    '<math><mtext><table><mglyph><style>td { color: red }</style>',
  ])('lets %j through', (input) => {
    expect(detectXss(input).matched).toBe(false);
  });

  it.each([
    ['<svg><style><img src=x onerror=alert(1)>', /^inside <svg>, <style> is not raw text, so the <img> tag has an onerror= handler/],
    ['<math><style><img src=x onerror=alert(1)>', /^inside <math>, <style> is not raw text/],
    [
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      /^after a sanitizer's output is parsed again, <mglyph> leaves the <table> and becomes a MathML element, <style> is no longer raw text, and the <img> tag has an onerror= handler.*\(mutation XSS\)$/,
    ],
    ['<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>', /the nested <form> is dropped.*mutation XSS/],
    ['<svg><title><style><img src=x onerror=alert(1)>', /^<style> holds this as plain text here, but not in SVG or MathML/],
    ['<svg><![CDATA[><img src=x onerror=alert(1)>]]>', /^a CDATA section hides this here/],
  ])('explains %j', (input, reason) => {
    expect(detectXss(input).reason).toMatch(reason);
  });
});

/**
 * The kinds of payload the OWASP Core Rule Set's XSS rules (941xxx) are tested
 * against, each kind with benign text that shares its characters. The cases
 * are written for this project; the detector is judged on them, not tuned to
 * them.
 */
describe('detectXss on CRS-style payloads', () => {
  const attacks: Record<string, string[]> = {
    'event handlers': [
      '<body onpageshow=alert(1)>',
      '<marquee onstart=alert(1)>',
      '<video><source onerror=alert(1)>',
      '<audio src onloadstart=alert(1)>',
      '<x onclick=alert(1)>click',
      '<div onpointerover="alert(1)">',
      '<img src=x:alert(alt) onerror=eval(src) alt=0>',
      '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
      '<img src="x"onerror="alert(1)">',
      '<img src=x onerror  =  alert(1)>',
      '<img src=x onerror=alert`1`>',
      '<img/src/onerror=alert(1)>',
      '<svg onload=alert(1)',
      '<xss onafterscriptexecute=alert(1)>',
    ],
    'attribute breaks': [
      '" autofocus onfocus="alert(1)',
      "' accesskey='x' onclick='alert(1)",
      '"onfocus=alert(1) autofocus "',
      'x onmouseover=alert(1)',
      '" onmouseover=alert&lpar;1&rpar; "',
      '" style="background:url(javascript:alert(1))',
      '</textarea><img src=x onerror=alert(1)>',
      '--><img src=x onerror=alert(1)>',
      '"><!--<img src=x onerror=alert(1)>',
    ],
    'javascript: URLs': [
      '<a href="javascript&colon;alert(1)">x</a>',
      'javascript&colon;alert(1)',
      '<a href="javas&Tab;cript:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<a href="javascript&#58;alert(1)">x</a>',
      '<a href=javascript:alert(1)>x</a>',
      '<button formaction=javascript:alert(1)>x',
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      '<svg><animate attributeName=href values="javascript:alert(1)" />',
      '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      '<a href="javascript://%0aalert(1)">x</a>',
      'java%0ascript:alert(1)',
      '<base href="javascript:/a/-alert(1)///">',
      '<div style="background:url(javascript:alert(1))">',
    ],
    'encodings': [
      '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      '%253Csvg%2520onload%253Dalert(1)%253E',
      '&#x3c;svg/onload=alert(1)&#x3e;',
      '&#60img src=x onerror=alert(1)&#62',
      '%26lt%3Bscript%26gt%3Balert(1)',
      '<a href="&#0000106avascript:alert(1)">x</a>',
      '<a href="&#x6A;&#x61;vascript:alert(1)">x</a>',
      '%3Csvg%0Aonload%3Dalert(1)%3E',
    ],
    'hidden and spliced markup': [
      '<style><img src=x onerror=alert(1)></style>',
      '<textarea><img src=x onerror=alert(1)></textarea>',
      '<!--<img src=x onerror=alert(1)>-->',
      '<!--><img src=x onerror=alert(1)>-->',
      '<a title="<b title=\'<img src=x onerror=alert(1)>\'>">',
      '<scr<script>ipt>alert(1)</script>',
    ],
  };

  for (const [kind, payloads] of Object.entries(attacks)) {
    it.each(payloads)(`flags ${kind}: %j`, (input) => {
      expect(detectXss(input).matched).toBe(true);
    });
  }

  const benign: Record<string, string[]> = {
    'words from handlers': [
      'Use the onload event in JavaScript',
      '<div class="online">',
      '<img src="photo.jpg" alt="Me at the onsen">',
      'set online=true',
      'turn onboarding=off',
      'Set "online=true" in config',
      '"onerror=retry"',
      '<code>&lt;div onclick&gt;</code>',
    ],
    'angle brackets in prose and code': ['<-- back', '<= 5', 'if (a<b && c>d) {}', 'Array<string>', 'List<Map<String, Integer>>', 'vector<int> v;', '<scripting>', '<p title="a < b">'],
    'ordinary markup': [
      '<a href="https://example.com">home</a>',
      '<a href="mailto:x@example.com">mail</a>',
      '<a href="/javascript-guide">guide</a>',
      '<textarea>notes</textarea>',
      '<style>.a{color:red}</style>',
      '<!-- comment -->',
      '<table><tr><td>1</td></tr></table>',
      '<font color=red>hi</font>',
      '<details open><summary>More</summary>text</details>',
    ],
    'URL look-alikes': ['the javascript:void(0) pattern', 'https://example.com/?q=javascript:', 'mailto:someone@example.com', 'data:image/png;base64,iVBORw0KGgo='],
    'quotes': ['"quoted"', 'it\'s "fine" ok', 'He said "hi" and left', "it's 5 o'clock, onward!"],
  };

  for (const [kind, inputs] of Object.entries(benign)) {
    it.each(inputs)(`lets ${kind} through: %j`, (input) => {
      expect(detectXss(input).matched).toBe(false);
    });
  }

  it.each([
    ['" autofocus onfocus="alert(1)', /^a quote closes the attribute, then an onfocus= handler runs JavaScript$/],
    ['x onmouseover=alert(1)', /^a space ends the unquoted attribute, then an onmouseover= handler runs JavaScript$/],
    ['<!--<img src=x onerror=alert(1)>-->', /^a comment hides this here, but the page decides where the value lands; as markup, the <img> tag/],
    ['<a title="<b title=\'<img src=x onerror=alert(1)>\'>">', /^the title attribute holds this as text/],
    ['<scr<script>ipt>alert(1)</script>', /^a <script> tag is spliced into other markup/],
  ])('explains %j', (input, reason) => {
    expect(detectXss(input).reason).toMatch(reason);
  });
});

describe('detectXss robustness', () => {
  it('handles a 64 KB benign input without matching', () => {
    let big = '';
    while (big.length < MAX_INSPECTED_CHARS) big += LONG_BENIGN_SENTENCE + ' ';
    expect(detectXss(big.slice(0, MAX_INSPECTED_CHARS)).matched).toBe(false);
  });

  // Inputs that make backtracking regexes, or an unbounded stack of open elements, explode.
  // The test's own timeout guards against that; speed is measured by `npm run bench`.
  it('reads pathological 64 KB inputs to the end without matching', () => {
    const inputs = [
      '<a '.repeat(22_000),
      '<a title="'.repeat(7_000),
      '&#'.repeat(33_000),
      '<a style="'.repeat(6_000),
      '<style>'.repeat(9_000),
      '<svg>' + '<style>'.repeat(9_000),
      '<svg>' + '<g>'.repeat(20_000),
      '<b>'.repeat(600) + '</x>'.repeat(15_000),
      '<b><div>' + '<i>'.repeat(600) + '</b>'.repeat(15_000),
      '<form><math><mtext></form>' + '<form>'.repeat(10_000),
      '<math><mtext><table>' + '<mglyph>'.repeat(8_000),
      '<!--'.repeat(16_000),
      '<style>' + '<a '.repeat(21_000),
      '" '.repeat(32_000),
    ];
    for (const input of inputs) {
      expect(typeof detectXss(input).matched).toBe('boolean');
    }
  });

  it('ignores a payload that starts beyond the 64 KB inspection limit', () => {
    expect(detectXss('a'.repeat(MAX_INSPECTED_CHARS) + '<script>alert(1)</script>').matched).toBe(false);
  });

  it('never throws and always explains itself on generated strings (seed 7)', () => {
    const piece = fc.constantFrom(
      '<', '>', '/', '"', "'", '=', ' ', '<!--', '-->', '<![cdata[', ']]>', '</', 'svg', 'math', 'mtext',
      'style', 'table', 'mglyph', 'form', 'title', 'foreignobject', 'img', 'p', 'on', 'onload', 'script',
      'javascript:', '&colon;', '%3C', '&#60;',
    );
    const arbitrary = fc.oneof(fc.string({ unit: piece, maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(arbitrary, (input) => {
        const result = detectXss(input);
        return typeof result.matched === 'boolean' && result.reason.length > 0;
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});
