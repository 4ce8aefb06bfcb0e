import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectSqli, detectXss, transform, MAX_INSPECTED_CHARS } from './detect';

/** Benign inputs that share characters or words with attacks. */
const BENIGN_LOOKALIKES = [
  "O'Brien",
  '<3',
  'I <3 cats',
  'a < b and b > c',
  'select a product',
  'Union Station',
  'drop me a line; select any colour',
  '1=1 is true in maths',
  "rock 'n' roll",
  "it's 5 o'clock",
  'price < 100 & rating > 4',
  "email me at o'neil@example.com",
  '#hashtag -- dash',
  'the script was great',
  'on=1&onload',
  'javascript is fun',
  'shoes',
  '',
  '%',
  '%%41',
  '%E0%A4%A',
  'We drove past Union Station at five, picked up two coffees (one with oat milk), ' +
    "and argued about whether O'Reilly or Manning publishes the better SQL books; " +
    'in the end we agreed that 2 + 2 = 4 and that the script for the talk was fine.',
];

const LONG_BENIGN_SENTENCE = BENIGN_LOOKALIKES[BENIGN_LOOKALIKES.length - 1] ?? '';

describe('transform', () => {
  it.each([
    ['%27%20OR%201%3D1', "' or 1=1"],
    ['%253Cscript%253E', '<script>'],
    ['%25253C', '%3c'],
    ['1+OR+1', '1 or 1'],
    ['%E2%82%AC5', '€5'],
    ['&lt;b&gt;', '<b>'],
    ['&#60;&#x3C;&#X3c;&#60', '<<<<'],
    ['&#39;&apos;&quot;', `''"`],
    ['&amp;lt;', '&lt;'],
    ['&bogus; &#; &#x;', '&bogus; &#; &#x;'],
    ['&constructor;&valueOf;', '&constructor;&valueof;'],
    ['&#0;&#x110000;&#xD800;', '\uFFFD\uFFFD\uFFFD'],
    ['SELECT FROM', 'select from'],
    ['ÜBER', 'Über'],
    ['a\t\n\r\f\v b\u00a0\u00a0c', 'a b c'],
    ['&nbsp;x', ' x'],
  ])('turns %j into %j', (input, expected) => {
    expect(transform(input)).toBe(expected);
  });

  it.each([
    ['%', '%'],
    ['%%41', '%a'],
    ['%zz', '%zz'],
    ['%4', '%4'],
    ['%E0%A4%A', '\uFFFD%a'],
    ['%C0%AF', '\uFFFD\uFFFD'],
    ['%FF', '\uFFFD'],
  ])('keeps malformed percent sequence %j without throwing', (input, expected) => {
    expect(transform(input)).toBe(expected);
  });

  it('inspects at most the first 64 KB', () => {
    expect(transform('a'.repeat(MAX_INSPECTED_CHARS + 5000))).toHaveLength(MAX_INSPECTED_CHARS);
  });

  it('never throws and never grows the input on generated strings (seed 42)', () => {
    const piece = fc.constantFrom(
      '%', '%2', '%25', '%27', '%3C', '%E0', '%A4', '%F0%9F%98%80', '%ZZ', '+',
      '&', '&#', '&#x', '&#60', '&#1114112;', '&lt;', '&amp;', '&quot', ';', '#',
      'x', 'X', '9', 'A', 'é', '\uD800', ' ', '\t', '\u00a0', "'", '<', 'select',
    );
    const arbitrary = fc.oneof(fc.string({ unit: piece, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(arbitrary, (input) => {
        const out = transform(input);
        return typeof out === 'string' && out.length <= input.length;
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

describe('detectSqli', () => {
  it.each([
    // The classic login bypasses.
    "' OR 1=1--",
    "' or '1'='1",
    "admin'--",
    '1 OR 1=1',
    '" or ""="',
    "') OR ('a'='a",
    "' OR 'x' LIKE 'x",
    "x' AnD 1=1 --",
    "' or true--",
    "' or 1--",
    '1 or 1--',
    "'or'1'='1",
    "' or ''='",
    "1' and '1'='1",
    "' and (select count(*) from users) > 0--",
    "' and 1 in (select 1)--",
    "' AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64--",
    "' || 1=1--",
    '" OR 1=1#',
    '1) or (1=1',
    '-1 OR 2>1',
    "admin' #",
    "admin'/*",
    "ADMIN')-- -",
    '1--',
    // UNION-based extraction.
    "1' UNION SELECT username, password FROM users--",
    '1 union all select null,null--',
    "1'/**/UNION/**/SELECT/**/1,2,3--",
    '-1 /*!50000UNION*/ /*!50000SELECT*/ 1,2,3',
    '1 UNION SELECT @@version--',
    "' UNION ALL SELECT NULL, table_name FROM information_schema.tables--",
    // Column probing.
    "1' ORDER BY 3--",
    '1 order by 1,2,3',
    "' GROUP BY id HAVING 1=1 --",
    "' HAVING 1=1#",
    // Error-based extraction.
    '1 and extractvalue(1,concat(0x7e,version()))',
    "' and updatexml(1,concat(0x7e,user()),1)--",
    // Stacked queries.
    "'; DROP TABLE users;--",
    "1; exec master..xp_cmdshell 'ping 10.0.0.1'--",
    "1'; SHUTDOWN--",
    "'; INSERT INTO users (name) VALUES ('eve')--",
    "'; UPDATE users SET role='admin' WHERE name='eve'--",
    // Time-based blind.
    "1; WAITFOR DELAY '0:0:5'--",
    "1 waitfor delay '0:0:10'",
    "' AND SLEEP(5)#",
    '1 AND BENCHMARK(5000000,MD5(1))',
    "' || pg_sleep(10)--",
    '1) AND (SELECT SLEEP(5))--',
    "' or if(1=1,sleep(5),0)#",
    // Encoded, commented and re-spaced variants.
    '%27%20OR%201%3D1--',
    '%2527%2520or%25201%253D1--',
    '&#39; or 1=1--',
    '1+OR+1%3D1',
    "' oR/**/1=1--",
    '1\tOR\n1=1',
    "%27%3B%20DROP%20TABLE%20accounts%3B--",
  ])('flags %j', (input) => {
    expect(detectSqli(input).matched).toBe(true);
  });

  it.each([
    ...BENIGN_LOOKALIKES,
    '10--15',
    '5 or 6 people',
    '5 or 6',
    '1 and 2',
    '"Be yourself" -- Oscar Wilde',
    '1 -- first item',
    "please order by 3 o'clock",
    '5 order by tuesday please',
    '"Hello" and "goodbye"',
    'Tom & Jerry\'s "greatest" hits',
    "I'll take 1 or 2, thanks",
    'the union select committee met today',
    'sleep (8 hours) and coffee',
    '50% off, 100% cotton',
    '2 + 2 = 4',
    'C:\\Program Files\\app',
    'Ünïcode café — naïve résumé',
  ])('lets %j through', (input) => {
    expect(detectSqli(input).matched).toBe(false);
  });

  it.each([
    ["' OR 1=1--", /^a quote closes the string, then OR 1=1 makes the condition always true$/],
    ["' or '1'='1", /quote closes the string.*OR '1'='1 makes the condition always true/],
    ['1 OR 1=1', /^after the number, OR 1=1 makes the condition always true$/],
    ["x' AnD 1=1 --", /AND 1=1 adds a condition that is always true/],
    ['-1 OR 2>1', /OR 2>1 adds the attacker's own condition/],
    ["admin'--", /^a quote closes the string, then -- comments out the rest of the query$/],
    ["1' UNION SELECT username, password FROM users--", /UNION SELECT/],
    ["'; DROP TABLE users;--", /semicolon ends the query and starts a new DROP TABLE statement/],
    ["' AND SLEEP(5)#", /SLEEP\(\) makes the database pause/],
    ["1; WAITFOR DELAY '0:0:5'--", /WAITFOR DELAY makes the database pause/],
  ])('explains %j in plain English', (input, reason) => {
    expect(detectSqli(input).reason).toMatch(reason);
  });

  it('explains why a lone apostrophe is harmless', () => {
    expect(detectSqli("O'Brien")).toEqual({
      matched: false,
      reason: 'the quote is followed by ordinary text, not SQL structure',
    });
    expect(detectSqli('shoes').reason).toBe('no SQL structure after decoding');
  });
});

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

describe('robustness', () => {
  it('handles a 64 KB benign input without matching', () => {
    let big = '';
    while (big.length < MAX_INSPECTED_CHARS) big += LONG_BENIGN_SENTENCE + ' ';
    big = big.slice(0, MAX_INSPECTED_CHARS);
    expect(detectSqli(big).matched).toBe(false);
    expect(detectXss(big).matched).toBe(false);
  });

  // Inputs that make backtracking regexes explode. The test's own timeout guards against that; speed is measured by `npm run bench`.
  it('reads pathological 64 KB inputs to the end without matching', () => {
    const inputs = [
      '<a '.repeat(22_000),
      '<a title="'.repeat(7_000),
      "'".repeat(MAX_INSPECTED_CHARS),
      '('.repeat(MAX_INSPECTED_CHARS),
      "' or (".repeat(10_000),
      '%25'.repeat(22_000),
      '&#'.repeat(33_000),
      ' union select'.repeat(5_000),
      ' union select f('.repeat(4_000),
      '<a style="'.repeat(6_000),
    ];
    for (const input of inputs) {
      expect(typeof detectSqli(input).matched).toBe('boolean');
      expect(typeof detectXss(input).matched).toBe('boolean');
    }
  });

  it('ignores a payload that starts beyond the 64 KB inspection limit', () => {
    const padding = 'a'.repeat(MAX_INSPECTED_CHARS);
    expect(detectXss(padding + '<script>alert(1)</script>').matched).toBe(false);
    expect(detectSqli(padding + "' OR 1=1--").matched).toBe(false);
  });

  it('never throws and always explains itself on generated strings (seed 7)', () => {
    const piece = fc.constantFrom(
      "'", '"', '`', ';', '--', '#', '/*', '*/', '/*!', '(', ')', ',', '=', '<', '>', '/',
      ' ', 'or', 'and', 'union', 'select', 'sleep', 'waitfor', 'delay', 'drop', 'table',
      '1', '0x', '@@', 'on', 'onload', '=', 'script', 'img', 'javascript:', '%27', '&#60;',
    );
    const arbitrary = fc.oneof(fc.string({ unit: piece, maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(arbitrary, (input) =>
        [detectSqli(input), detectXss(input)].every(
          (result) => typeof result.matched === 'boolean' && result.reason.length > 0,
        ),
      ),
      { seed: 7, numRuns: 400 },
    );
  });
});
