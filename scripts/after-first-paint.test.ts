import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { LOADER_ATTRIBUTE, pagePayload, pageScripts, payloadPath, startScriptsAfterFirstPaint, takePayloadOut } from './after-first-paint';

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
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"payload"])</script></body></html>',
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

/**
 * The rewritten page run in jsdom, with its clock, frames and paint reports in the test's hands: what the loader has
 * added to the head so far, and the calls that move time on.
 */
function loadRewritten({ paintTiming, payload, messageChannel = true }: { paintTiming: boolean; payload?: string; messageChannel?: boolean }) {
  const timers: { run: () => void; ms: number }[] = [];
  const messages: (() => void)[] = [];
  const frames: (() => void)[] = [];
  let report: ((entries: string[]) => void) | null = null;
  const page = payload ? startScriptsAfterFirstPaint(takePayloadOut(PAGE)!.html, payload)! : startScriptsAfterFirstPaint(PAGE)!;
  const dom = new JSDOM(page, {
    runScripts: 'dangerously',
    beforeParse(window) {
      const w = window as unknown as Record<string, unknown>;
      w.setTimeout = (run: () => void, ms = 0) => timers.push({ run, ms });
      w.requestAnimationFrame = (run: () => void) => frames.push(run);
      w.MessageChannel = messageChannel
        ? class {
            port1: { onmessage: (() => void) | null } = { onmessage: null };
            port2 = { postMessage: () => messages.push(() => this.port1.onmessage?.()) };
          }
        : undefined;
      w.PerformanceObserver = paintTiming
        ? class {
            static supportedEntryTypes = ['paint', 'largest-contentful-paint'];
            constructor(callback: (list: { getEntriesByName(name: string): unknown[] }) => void) {
              report = (names) => callback({ getEntriesByName: (name) => names.filter((n) => n === name) });
            }
            observe() {}
            disconnect() {
              report = null;
            }
          }
        : undefined;
    },
  });
  const added = () =>
    [...dom.window.document.head.querySelectorAll('script[src]:not([nomodule]), link[rel="preload"]')].map((e) => `${e.tagName.toLowerCase()} ${e.getAttribute('src') ?? e.getAttribute('href')}`);
  /** Runs the tasks queued so far (timeouts up to `upTo` ms, messages), and those they queue, until none is left. */
  const runTimers = (upTo: number) => {
    for (;;) {
      const timer = timers.findIndex((t) => t.ms <= upTo);
      if (timer >= 0) timers.splice(timer, 1)[0]!.run();
      else if (messages.length > 0) messages.shift()!();
      else return;
    }
  };
  /** Next's queue of before-interactive scripts, which it runs before it starts the app. */
  const beforeInteractive = () => (dom.window as unknown as { __next_s?: unknown[] }).__next_s;
  return { added, timers, messages, frames, paint: (names: string[]) => report?.(names), runTimers, hasObserver: () => report !== null, beforeInteractive };
}

describe('taking the RSC payload out of a page', () => {
  const moved = takePayloadOut(PAGE)!;

  it('moves every push onto self.__next_f, in order, into one script, and leaves the rest of the page as it was', () => {
    expect(moved.code).toBe('(self.__next_f=self.__next_f||[]).push([0]);\nself.__next_f.push([1,"payload"]);\n');
    expect(moved.html).not.toContain('__next_f');
    expect(moved.html).toBe(PAGE.replace('<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"payload"])</script>', ''));
  });

  it('names the script by its content, under the export’s static files', () => {
    expect(payloadPath(moved.code)).toMatch(/^\/_next\/static\/payload\/[0-9a-f]{16}\.js$/);
    expect(payloadPath(moved.code)).not.toBe(payloadPath(moved.code.replace('payload', 'other')));
  });

  it('leaves a page without a payload alone', () => {
    expect(takePayloadOut('<html><body><script>self.next=1</script></body></html>')).toBeNull();
  });

  it('gives the loader the payload to preload and queue', () => {
    const out = startScriptsAfterFirstPaint(moved.html, '/_next/static/payload/0123456789abcdef.js')!;
    const listed = new RegExp(`${LOADER_ATTRIBUTE}='([^']*)'`).exec(out)!;
    expect(JSON.parse(listed[1]!)).toMatchObject({ payload: '/_next/static/payload/0123456789abcdef.js' });
    expect(pagePayload(out)).toBe('/_next/static/payload/0123456789abcdef.js');
    expect(pagePayload(startScriptsAfterFirstPaint(PAGE)!)).toBeNull();
  });
});

describe('the loader in a page', () => {
  const ALL = ['link /_next/static/chunks/lazy.js', 'script /_next/static/chunks/react.js', 'script /_next/static/chunks/runtime.js', 'script /_next/static/chunks/entry.js'];

  it('starts the scripts once the first contentful paint is reported, not at the frame', () => {
    const page = loadRewritten({ paintTiming: true });
    expect(page.frames).toHaveLength(0);
    page.paint(['first-paint']);
    page.runTimers(0);
    expect(page.added()).toEqual([]);
    page.paint(['first-contentful-paint']);
    expect(page.hasObserver()).toBe(false);
    page.runTimers(0);
    expect(page.added()).toEqual(ALL);
  });

  it('queues one empty inline script for Next to run before it starts the app, so that the start is a task of its own', () => {
    const page = loadRewritten({ paintTiming: true });
    expect(page.beforeInteractive()).toBeUndefined();
    page.paint(['first-contentful-paint']);
    page.runTimers(0);
    expect(page.beforeInteractive()).toEqual([[0, { children: '' }]]);
  });

  it('preloads the payload first and queues it before the empty script, so that Next runs it before it reads the payload', () => {
    const payload = '/_next/static/payload/0123456789abcdef.js';
    const page = loadRewritten({ paintTiming: true, payload });
    page.paint(['first-contentful-paint']);
    page.runTimers(0);
    expect(page.added()).toEqual([`link ${payload}`, ...ALL]);
    expect(page.beforeInteractive()).toEqual([[payload, {}], [0, { children: '' }]]);
  });

  it('adds one element per task, each queued as a message', () => {
    const page = loadRewritten({ paintTiming: true });
    page.paint(['first-contentful-paint']);
    page.timers.splice(page.timers.findIndex((t) => t.ms === 0), 1)[0]!.run();
    expect(page.added()).toEqual(ALL.slice(0, 1));
    for (let n = 2; n <= ALL.length; n++) {
      expect(page.messages).toHaveLength(1);
      page.messages.shift()!();
      expect(page.added()).toEqual(ALL.slice(0, n));
    }
    page.messages.shift()?.();
    expect(page.messages).toHaveLength(0);
  });

  it('queues each element on a timeout where messages are missing', () => {
    const page = loadRewritten({ paintTiming: true, messageChannel: false });
    page.paint(['first-contentful-paint']);
    page.runTimers(0);
    expect(page.added()).toEqual(ALL);
  });

  it('falls back to a timeout after the frame where paint timing is missing', () => {
    const page = loadRewritten({ paintTiming: false });
    page.runTimers(0);
    expect(page.added()).toEqual([]);
    page.frames.splice(0).forEach((frame) => frame());
    page.runTimers(0);
    expect(page.added()).toEqual(ALL);
  });

  it('starts them after 2 s in a tab that never paints, and only once', () => {
    const page = loadRewritten({ paintTiming: true });
    const fallback = page.timers.find((t) => t.ms === 2000);
    expect(fallback).toBeDefined();
    page.timers.splice(page.timers.indexOf(fallback!), 1);
    fallback!.run();
    page.runTimers(0);
    expect(page.added()).toEqual(ALL);
    page.paint(['first-contentful-paint']);
    page.runTimers(0);
    expect(page.added()).toEqual(ALL);
  });
});
