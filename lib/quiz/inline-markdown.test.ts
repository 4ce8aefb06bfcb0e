import { describe, expect, it } from 'vitest';
import { isSafeHref, parseInline, plainText } from './inline-markdown';

describe('inline Markdown in quiz text', () => {
  it('reads emphasis, strong and code', () => {
    expect(parseInline('the data was *made* by the app')).toEqual([
      { kind: 'text', text: 'the data was ' },
      { kind: 'em', children: [{ kind: 'text', text: 'made' }] },
      { kind: 'text', text: ' by the app' },
    ]);
    expect(parseInline('**never** store it')).toEqual([{ kind: 'strong', children: [{ kind: 'text', text: 'never' }] }, { kind: 'text', text: ' store it' }]);
    expect(parseInline('_really_, and `proxy_read_timeout`')).toEqual([
      { kind: 'em', children: [{ kind: 'text', text: 'really' }] },
      { kind: 'text', text: ', and ' },
      { kind: 'code', text: 'proxy_read_timeout' },
    ]);
    expect(parseInline('when its *database* fails.')[1]).toEqual({ kind: 'em', children: [{ kind: 'text', text: 'database' }] });
  });

  it('leaves the course’s paths, wildcards and snake_case alone', () => {
    for (const text of [
      'On a miss the edge fetches the file from its origin for /static/*, which is S3. The ALB and the app are the origin for /api/* only.',
      'Invalidation paths are exact or end in a * wildcard, so /*/jagga.png is not allowed.',
      'proxy_read_timeout is 60 s; statement_timeout is off; SQLi_QUERYARGUMENTS matched.',
      'It can cost 3 × 10 s, or 2 * 3 = 6 calls.',
      'A lone ` backtick and a [bracket] stay.',
    ]) {
      expect(parseInline(text), text).toEqual([{ kind: 'text', text }]);
    }
  });

  it('keeps code literal, emphasis markers included', () => {
    expect(parseInline('`*not emphasis*`')).toEqual([{ kind: 'code', text: '*not emphasis*' }]);
    expect(parseInline('`` a ` b ``')).toEqual([{ kind: 'code', text: 'a ` b' }]);
  });

  it('honours backslash escapes', () => {
    expect(parseInline('\\*made\\*')).toEqual([{ kind: 'text', text: '*made*' }]);
  });

  it('links only to safe places, and keeps the words of an unsafe link', () => {
    expect(parseInline('see [the sandbox](/sandbox/?db=down)')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', href: '/sandbox/?db=down', children: [{ kind: 'text', text: 'the sandbox' }] },
    ]);
    expect(parseInline('[RFC 9110](https://www.rfc-editor.org/rfc/rfc9110)')[0]).toMatchObject({ kind: 'link' });
    expect(parseInline('[click](javascript:alert(1))').some((n) => n.kind === 'link')).toBe(false);
    for (const href of ['javascript:alert(1)', '//evil.example', 'data:text/html,hi', 'vbscript:x', '/ space']) expect(isSafeHref(href), href).toBe(false);
    for (const href of ['/learn/', '#quiz-heading', 'https://aws.amazon.com/cloudfront/']) expect(isSafeHref(href), href).toBe(true);
  });

  it('never produces markup from what the author typed', () => {
    const nodes = parseInline('<img src=x onerror=alert(1)> *<b>bold</b>*');
    expect(plainText(nodes)).toBe('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(nodes.every((n) => n.kind === 'text' || n.kind === 'em')).toBe(true);
  });
});
