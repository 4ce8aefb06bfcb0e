import { describe, it, expect } from 'vitest';
import { type Hidden, readMarkup } from './html-tree';

/** The start tags read as markup, each with the foreign elements it broke out of. */
function markup(s: string, reparse = false): string[] {
  const seen: string[] = [];
  readMarkup(s, reparse, (tag, context) => {
    const escaped = context.escaped.map((e) => e.name).join(',');
    seen.push(escaped ? `${tag.name}(out of ${escaped})` : tag.name);
    return null;
  });
  return seen;
}

function hidden(s: string): Hidden[] {
  const found: Hidden[] = [];
  readMarkup(s, false, () => null, (h) => found.push(h));
  return found;
}

describe('readMarkup: raw text exists only in HTML', () => {
  it.each(['style', 'textarea', 'title', 'xmp', 'noscript', 'noembed', 'noframes'])('HTML <%s> holds text', (name) => {
    expect(markup(`<${name}><img></${name}><b>`)).toEqual([name, 'b']);
    expect(hidden(`<${name}><img></${name}>`)).toEqual([{ kind: 'raw text', element: name, text: '<img>' }]);
  });

  it('<plaintext> holds everything after it', () => {
    expect(markup('<plaintext></plaintext><img>')).toEqual(['plaintext']);
  });

  it.each(['svg', 'math'])('<style> inside <%s> is an element, and <img> breaks out', (root) => {
    expect(markup(`<${root}><style><img>`)).toEqual([root, 'style', `img(out of style,${root})`]);
  });

  it('a foreign <style> is closed by its end tag like any element', () => {
    expect(markup('<svg><style></style><rect/><p>')).toEqual(['svg', 'style', 'rect', 'p(out of svg)']);
  });
});

describe('readMarkup: integration points (13.2.6)', () => {
  it.each(['foreignobject', 'desc', 'title'])('SVG <%s> goes back to HTML, raw text and all', (point) => {
    expect(markup(`<svg><${point}><style><img>`)).toEqual(['svg', point, 'style']);
  });

  it.each(['mi', 'mo', 'mn', 'ms', 'mtext'])('MathML <%s> goes back to HTML for start tags', (point) => {
    expect(markup(`<math><${point}><style><img>`)).toEqual(['math', point, 'style']);
  });

  it('but <mglyph> and <malignmark> in a text integration point stay MathML', () => {
    expect(markup('<math><mtext><mglyph><style><img>')).toEqual(['math', 'mtext', 'mglyph', 'style', 'img(out of style,mglyph)']);
  });

  it('annotation-xml is an HTML integration point only with an HTML encoding', () => {
    expect(markup('<math><annotation-xml encoding="text/html"><style><img>')).toEqual(['math', 'annotation-xml', 'style']);
    expect(markup('<math><annotation-xml><style><img>')).toEqual([
      'math',
      'annotation-xml',
      'style',
      'img(out of style,annotation-xml,math)',
    ]);
  });

  it('<svg> under annotation-xml is SVG, but under other MathML it is a MathML element', () => {
    expect(markup('<math><annotation-xml><svg><foreignobject><style><img>')).toEqual(['math', 'annotation-xml', 'svg', 'foreignobject', 'style']);
    expect(markup('<math><svg><foreignobject><style><img>')).toHaveLength(5);
  });
});

describe('readMarkup: leaving foreign content (13.2.6.5)', () => {
  it('<font> breaks out only with color, face or size', () => {
    expect(markup('<svg><font><style><img>')).toEqual(['svg', 'font', 'style', 'img(out of style,font,svg)']);
    expect(markup('<svg><font size=1><style><img>')).toEqual(['svg', 'font(out of svg)', 'style']);
  });

  it('</p> and </br> pop foreign content too', () => {
    expect(markup('<svg></p><style><img>')).toEqual(['svg', 'style']);
    expect(markup('<svg></br><style><img>')).toEqual(['svg', 'style']);
  });

  it('a foreign end tag closes up to the element of that name', () => {
    expect(markup('<svg><g><a></g><style><img>')).toEqual(['svg', 'g', 'a', 'style', 'img(out of style,svg)']);
    expect(markup('<svg><g></svg><style><img>')).toEqual(['svg', 'g', 'style']);
  });

  it('a self-closing foreign element is not left open', () => {
    expect(markup('<svg><style/><img>')).toEqual(['svg', 'style', 'img(out of svg)']);
  });

  it('an HTML end tag does not close past an integration point', () => {
    expect(markup('<svg><foreignobject><div></foreignobject><style><img>')).toEqual(['svg', 'foreignobject', 'div', 'style']);
  });

  it('CDATA sections exist only in foreign content', () => {
    expect(hidden('<svg><![cdata[<img>]]>')).toEqual([{ kind: 'declaration', declaration: 'cdata', text: '<![cdata[<img>]]>' }]);
    expect(markup('<![cdata[><img>]]>')).toEqual(['img']);
  });
});

describe('readMarkup: the second parse of a sanitizer\'s output', () => {
  it('judges content foster-parented out of a table by the table\'s parent', () => {
    const input = '<math><mtext><table><mglyph><style><img>';
    expect(markup(input)).toEqual(['math', 'mtext', 'table', 'mglyph', 'style']);
    expect(markup(input, true)).toEqual(['math', 'mtext', 'table', 'mglyph', 'style', 'img(out of style,mglyph)']);
    expect(readMarkup(input, false, () => null).mutable).toBe(true);
  });

  it('drops a <form> nested inside an open one', () => {
    const input = '<form><math><mtext></form><form><mglyph><style><img>';
    expect(markup(input)).toEqual(['form', 'math', 'mtext', 'form', 'mglyph', 'style']);
    expect(markup(input, true)).toEqual(['form', 'math', 'mtext', 'form', 'mglyph', 'style', 'img(out of style,mglyph)']);
  });

  it('leaves ordinary markup alone', () => {
    expect(readMarkup('<table><tr><td><b>x</b></td></tr></table><form></form><form>', false, () => null).mutable).toBe(false);
  });
});

describe('readMarkup: hidden text', () => {
  it('notes comments and attribute values that hold markup', () => {
    expect(hidden('<!--<b>--><a title="<i>" href=x>')).toEqual([
      { kind: 'declaration', declaration: 'comment', text: '<!--<b>-->' },
      { kind: 'attribute', attribute: 'title', text: '<i>' },
    ]);
  });
});
