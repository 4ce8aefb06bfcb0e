import { describe, expect, it } from 'vitest';
import { LOADER_ATTRIBUTE, pageScripts, startScriptsAfterFirstPaint } from './after-first-paint';

/** The shape of a page Next.js exports: async chunks and preloads in the head, the entry chunk after its runtime config. */
const PAGE = [
  '<!DOCTYPE html><html><head><meta charset="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/entry.js"/>',
  '<script src="/_next/static/chunks/react.js" async=""></script>',
  '<script src="/_next/static/chunks/runtime.js" async=""></script>',
  '<link rel="preload" href="/_next/static/chunks/lazy.js" as="script" fetchPriority="low"/>',
  '<script>document.documentElement.classList.toggle("dark",false)</script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>',
  '<body><main><h1>A lesson</h1></main>',
  '<script>(globalThis.TURBOPACK_CHUNK_LISTS=[])</script><script src="/_next/static/chunks/entry.js" async=""></script>',
  '<script>self.__next_f.push([1,"payload"])</script></body></html>',
].join('');

describe('starting a page’s scripts after its first paint', () => {
  const out = startScriptsAfterFirstPaint(PAGE)!;

  it('takes every async script and script preload out of the page, and keeps the stylesheet, inline scripts and polyfills', () => {
    expect(out).not.toMatch(/<script src="[^"]+" async="">/);
    expect(out).not.toMatch(/<link rel="preload"[^>]*as="script"/);
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/site.css"');
    expect(out).toContain('classList.toggle("dark",false)');
    expect(out).toContain('self.__next_f.push([1,"payload"])');
    expect(out).toContain('polyfills.js" noModule=""');
  });

  it('adds them back from one loader at the end of the body, scripts in their order and preloads not already scripts', () => {
    const loader = new RegExp(`<script ${LOADER_ATTRIBUTE}='([^']*)'>(.*?)</script></body>`).exec(out);
    expect(loader).not.toBeNull();
    expect(JSON.parse(loader![1]!)).toEqual({
      scripts: ['/_next/static/chunks/react.js', '/_next/static/chunks/runtime.js', '/_next/static/chunks/entry.js'],
      preloads: ['/_next/static/chunks/lazy.js'],
    });
    // After the frame: a timeout queued by a frame callback, and a fallback for a tab that never paints.
    expect(loader![2]).toContain('requestAnimationFrame(function(){setTimeout(go,0)})');
    expect(loader![2]).toContain('setTimeout(go,2000)');
  });

  it('leaves a page without scripts, or one already rewritten, alone', () => {
    expect(startScriptsAfterFirstPaint('<html><body><p>Static</p></body></html>')).toBeNull();
    expect(startScriptsAfterFirstPaint(out)).toBeNull();
  });

  it('reads the same first-load scripts from the page before and after', () => {
    expect(pageScripts(out)).toEqual(expect.arrayContaining(pageScripts(PAGE)));
    expect(pageScripts(out)).toHaveLength(pageScripts(PAGE).length);
  });
});
