import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { transform, MAX_INSPECTED_CHARS } from './transforms';

describe('transform', () => {
  it.each([
    ['%27%20OR%201%3D1', "' or 1=1"],
    ['%253Cscript%253E', '<script>'],
    ['%25253C', '%3c'],
    ['1+OR+1', '1 or 1'],
    // `+` is a space only to the first, form-style decoding; `%2B` is a plus sign.
    ['%2B', '+'],
    ['%252B', '+'],
    ['a+%2B+b', 'a + b'],
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
