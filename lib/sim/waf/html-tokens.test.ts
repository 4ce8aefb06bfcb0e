import { describe, it, expect } from 'vitest';
import { declarationAt, findClosingTag, parseEndTag, parseStartTag, readAttributes } from './html-tokens';

describe('parseStartTag', () => {
  it('reads names, attributes and where the tag ends', () => {
    expect(parseStartTag('<img src=x onerror="a>b">after', 0)).toEqual({
      name: 'img',
      attributes: [
        { name: 'src', value: 'x', hasValue: true },
        { name: 'onerror', value: 'a>b', hasValue: true },
      ],
      selfClosing: false,
      start: 0,
      end: 25,
    });
  });

  it.each([
    ['<br/>', true],
    ['<path d="m0 0"/>', true],
    ['<a href=/>', false], // the `/` belongs to the unquoted value
    ['<a / >', false],
  ])('tells whether %j is self-closing', (input, selfClosing) => {
    expect(parseStartTag(input, 0)?.selfClosing).toBe(selfClosing);
  });

  it('treats a quote straight after a value as the start of a new attribute', () => {
    expect(parseStartTag('<img src="x"onerror=y>', 0)?.attributes.map((a) => a.name)).toEqual(['src', 'onerror']);
  });

  it.each(['<3', '< b', '<>', '<=5'])('does not read %j as a tag', (input) => {
    expect(parseStartTag(input, 0)).toBeNull();
  });

  it('reads end tags, attributes and all', () => {
    expect(parseEndTag('</style x=">">', 0)).toMatchObject({ name: 'style', end: 14 });
  });
});

describe('readAttributes', () => {
  it('carries on after a quote that ends an attribute value early', () => {
    const { attributes } = readAttributes('" autofocus onfocus="alert(1)', 1);
    expect(attributes).toEqual([
      { name: 'autofocus', value: '', hasValue: false },
      { name: 'onfocus', value: 'alert(1)', hasValue: true },
    ]);
  });
});

describe('declarationAt', () => {
  it.each([
    ['<!-- a -->b', 'comment', 10],
    ['<!-->b', 'comment', 5],
    ['<!--->b', 'comment', 6],
    ['<!---->b', 'comment', 7],
    ['<!-- a --->b', 'comment', 11],
    ['<!-- a --!>b', 'comment', 11],
    ['<!-- a -- b -->c', 'comment', 15],
    ['<!-- never closed', 'comment', 17],
    ['<!doctype html>b', 'bogus comment', 15],
    ['<?xml x?>b', 'bogus comment', 9],
    ['</3>b', 'bogus comment', 4],
  ] as const)('reads %j as a %s ending at %i', (input, kind, end) => {
    expect(declarationAt(input, 0, false)).toEqual({ kind, end });
  });

  it('opens a CDATA section only in foreign content', () => {
    const input = '<![CDATA[><img>]]>';
    expect(declarationAt(input.toLowerCase(), 0, true)).toEqual({ kind: 'cdata', end: 18 });
    expect(declarationAt(input.toLowerCase(), 0, false)).toEqual({ kind: 'bogus comment', end: 10 });
  });
});

describe('findClosingTag', () => {
  it('needs the name to end where a tag name ends', () => {
    expect(findClosingTag('a</stylex></style >', 0, 'style')).toBe(10);
    expect(findClosingTag('a</style', 0, 'style')).toBe(-1);
  });
});
