/**
 * Runs after `next build` (npm run build): every page of the static export starts loading its scripts once it has
 * painted, instead of as soon as its head is read.
 *
 * Why: each page is complete HTML before any script runs (ARCHITECTURE.md, "What loads when"), but Next.js writes
 * its chunks as `<script async>` in the head, with `<link rel="preload">` for the rest. An async script runs as soon
 * as it arrives. Downloading and compiling them ahead of the first frame held it back: in Lighthouse's runs the
 * first paint came at 1.2–1.3 s in most loads, and 0.2–0.3 s once they started after it (preloading them early and
 * only running them after the paint left it at 1.2–1.3 s). On a slow link they also share the connection with the
 * stylesheet the paint waits for, and Lighthouse's simulated largest paint counts every script requested before it.
 *
 * How: the tags are taken out and one inline script at the end of the body adds them back, as async scripts and
 * low-priority preloads in the same order, once the browser reports the page's first contentful paint (Paint Timing,
 * https://w3c.github.io/paint-timing/#sec-reporting-paint-timing). That report comes once the frame is on screen,
 * not when it is produced: on a busy machine the compositor can present a frame hundreds of milliseconds after the
 * main thread has painted it. Starting the scripts from a timeout queued by a frame callback (the loader's first
 * form) started them before that presentation in some loads, and Lighthouse, which times the largest paint by its
 * presentation, then counted every script as something the paint waited for: the sandbox's simulated LCP went from
 * 0.9–1.1 s to 3.8–3.9 s in 5 of 27 Lighthouse runs, and in none of 35 once the loader waited for the report. A
 * browser without paint timing keeps the frame callback. Async scripts run in any order, so nothing Next relies on
 * changes. A tab opened in the background paints nothing until it is shown, so the scripts load after 2 s anyway.
 *
 * The loader also queues one empty before-interactive script (`self.__next_s`, the queue `next/script`'s
 * `beforeInteractive` strategy fills). Next's entry runs that queue before it starts the app, and resolves an inline
 * entry on a timeout (`loadScriptsInSequence` in `next/dist/client/app-bootstrap.js`), so the app's start (the
 * router's modules, decoding the inline RSC payload, `hydrateRoot`) runs in a task of its own, after the one that
 * ran the last chunk and evaluated React DOM (`instrumentation-client.ts`). That one task was the longest of every
 * page's load: 23–31 ms of thread time on the errors lesson in Lighthouse's own loads, 4× that on its simulated
 * phone; split, the longest is 12–16 ms.
 *
 * The page's inline RSC payload leaves the HTML too (`takePayloadOut`, below): the loader preloads it as a script of
 * its own beside the chunks and queues it before that empty script.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * The sandbox too, since it hydrates only what is on screen (its panels are Dormant islands). Under Lighthouse's
 * applied throttling (slow 4G, 4× CPU, medians of 3, interleaved) it paints as soon (LCP 1.56 s against 1.61–1.67 s),
 * blocks for about half as long (TBT 187–216 ms against 360–486 ms) and becomes interactive 0.5 s later (TTI 5.2 →
 * 5.75 s): the downloads start at the paint instead of with the head. A reading page becomes interactive 0.2–0.5 s
 * later, with its first paint unchanged and half the blocking time.
 */

/** The attribute that marks the loader and lists what it loads (`pageScripts` reads it back). */
export const LOADER_ATTRIBUTE = 'data-after-first-paint';

const ASYNC_SCRIPT = /<script src="([^"]+)" async=""><\/script>/g;
const SCRIPT_PRELOAD = /<link rel="preload"(?=[^>]*\bas="script")[^>]*\bhref="([^"]+)"[^>]*\/>/g;

interface Deferred {
  scripts: string[];
  preloads: string[];
  /** The page's RSC payload as a script of its own (below), when it has one. */
  payload?: string;
}

/**
 * The inline loader. Kept in ES5 so that it parses wherever the page does.
 *
 * It adds one element per task. Each element starts a request, and starting one costs the main thread ~1 ms
 * (Chromium's fetch path and the browser's network service, which shares the cores): the sandbox's fifteen in one
 * task took 20 ms of thread time and 79–97 ms of wall time in Lighthouse's loads, which its simulated phone bills
 * fourfold as one task, and a lesson's nine 7 ms and 21 ms. Spread over fifteen tasks, none took more than 13 ms of
 * wall time or 2 ms of thread time, and a tap can run between any two. A message to itself
 * (https://html.spec.whatwg.org/multipage/web-messaging.html#message-channels) queues the next task at once; nested
 * timeouts are clamped to 4 ms after the fifth (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers).
 */
function loader(deferred: Deferred): string {
  const lists = JSON.stringify(deferred);
  const code =
    '(function(l){var d=0;function go(){if(d)return;d=1;var h=document.head,i,q=self.__next_s=self.__next_s||[],w=[];' +
    'function add(t,a){w.push(function(){var e=document.createElement(t),k;for(k in a)e[k]=a[k];h.appendChild(e)})}' +
    // The payload downloads beside the chunks, at the browser's priority for a script; Next runs it, from the cache,
    // before it reads the payload and starts the app.
    'if(l.payload){add("link",{rel:"preload",as:"script",href:l.payload});q.push([l.payload,{}])}' +
    // One empty before-interactive script: Next starts the app in the task after the one that runs its chunks.
    'q.push([0,{children:""}]);' +
    'for(i=0;i<l.preloads.length;i++)add("link",{rel:"preload",as:"script",fetchPriority:"low",href:l.preloads[i]});' +
    'for(i=0;i<l.scripts.length;i++)add("script",{src:l.scripts[i],async:true});' +
    // One element per task, each queued as a message to itself, which no timer clamping delays (above).
    'var c=self.MessageChannel&&new MessageChannel;function next(){var f=w.shift();if(f){f();if(c)c.port2.postMessage(0);else setTimeout(next,0)}}' +
    'if(c)c.port1.onmessage=next;next()}' +
    'function soon(){setTimeout(go,0)}var P=window.PerformanceObserver,t=P&&P.supportedEntryTypes;' +
    'if(t&&t.indexOf("paint")>=0){var o=new P(function(list){if(list.getEntriesByName("first-contentful-paint").length){o.disconnect();soon()}});o.observe({type:"paint",buffered:true})}' +
    'else requestAnimationFrame(soon);setTimeout(go,2000)})(JSON.parse(document.currentScript.getAttribute("' +
    LOADER_ATTRIBUTE +
    '")))';
  return `<script ${LOADER_ATTRIBUTE}='${lists.replace(/&/g, '&amp;').replace(/'/g, '&#39;')}'>${code}</script>`;
}

/**
 * The page with its async scripts and script preloads started after its first paint; null when it has none (or has
 * been rewritten already). `payload` is the path of the script that now holds the page's RSC payload
 * (`takePayloadOut`), which Next runs before it starts the app.
 */
export function startScriptsAfterFirstPaint(html: string, payload?: string): string | null {
  if (html.includes(LOADER_ATTRIBUTE)) return null;
  const scripts = [...html.matchAll(ASYNC_SCRIPT)].map((m) => m[1]!);
  if (scripts.length === 0) return null;
  const preloads = [...html.matchAll(SCRIPT_PRELOAD)].map((m) => m[1]!).filter((href) => !scripts.includes(href));
  const rest = html.replace(ASYNC_SCRIPT, '').replace(SCRIPT_PRELOAD, '');
  const end = rest.lastIndexOf('</body>');
  if (end < 0) throw new Error('after-first-paint: a page with scripts but no </body>');
  return `${rest.slice(0, end)}${loader(payload ? { scripts, preloads, payload } : { scripts, preloads })}${rest.slice(end)}`;
}

/**
 * Next's inline RSC payload: the scripts that push the page's server-component data onto `self.__next_f`, the first
 * one creating the array. Flight data escapes `<` in strings, so no `</script>` can occur inside one.
 */
const PAYLOAD_SCRIPT = /<script>((?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\([\s\S]*?\))<\/script>/g;

/** Where a payload is written, under the export's immutable `_next/static/`: named by its content. */
export function payloadPath(code: string): string {
  return `/_next/static/payload/${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
}

/**
 * The page without its inline RSC payload, and the payload as one script; null when the page has none.
 *
 * Why: the payload is React's copy of the page (the prose, the quiz, the islands' settings as server-component data)
 * and only hydration reads it, yet inline it is half of a lesson's HTML (the errors lesson: 108 of 220 KB, 23 of
 * 42 KB gzipped). The browser downloads it before the text that follows, and parses and compiles it inside the tasks
 * that parse the page, before the first paint. Lighthouse's simulation runs those tasks after its estimate of the first
 * paint, so each counts into its blocking time too (docs/performance.md, "What is left, in Lighthouse's own trace").
 *
 * How: the pushes are moved, in their order, into one script that the loader preloads with the chunks after the
 * first paint and queues as Next's first before-interactive script. Next runs that queue before it evaluates the code
 * that reads `self.__next_f` and starts the app (`appBootstrap` in `next/dist/client/app-bootstrap.js`, then
 * `app-index.js`), so React reads the same data in the same order as before.
 */
export function takePayloadOut(html: string): { html: string; code: string } | null {
  const pushes = [...html.matchAll(PAYLOAD_SCRIPT)].map((m) => m[1]!);
  if (pushes.length === 0) return null;
  return { html: html.replace(PAYLOAD_SCRIPT, ''), code: `${pushes.join(';\n')};\n` };
}

/** The scripts a page runs as it loads, whether as tags or through the loader (noModule polyfills excepted). */
export function pageScripts(html: string): string[] {
  const fromLoader = loaderLists(html)?.scripts ?? [];
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/noModule/i.test(tag));
  const fromTags = tags.map((tag) => /src="([^"]+\.js)"/.exec(tag)?.[1]).filter((src): src is string => Boolean(src));
  return [...new Set([...fromTags, ...fromLoader])];
}

/** The script that holds a page's RSC payload (`takePayloadOut`), or null when the payload is inline or absent. */
export function pagePayload(html: string): string | null {
  return loaderLists(html)?.payload ?? null;
}

/** What a rewritten page's loader adds, read back from its attribute; null for a page without the loader. */
function loaderLists(html: string): Deferred | null {
  const listed = new RegExp(`${LOADER_ATTRIBUTE}='([^']*)'`).exec(html);
  return listed ? (JSON.parse(listed[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')) as Deferred) : null;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_next' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function main(out: string): void {
  let rewritten = 0;
  for (const file of htmlFiles(out)) {
    const html = readFileSync(file, 'utf8');
    const moved = takePayloadOut(html);
    const payload = moved && { path: payloadPath(moved.code), code: moved.code };
    const next = startScriptsAfterFirstPaint(moved?.html ?? html, payload?.path);
    if (next === null) continue;
    if (payload) {
      mkdirSync(join(out, '_next', 'static', 'payload'), { recursive: true });
      writeFileSync(join(out, payload.path), payload.code);
    }
    if (/<script src="[^"]+" async="">/.test(next)) throw new Error(`after-first-paint: ${file} still has an async script tag`);
    writeFileSync(file, next);
    rewritten++;
  }
  console.log(`after-first-paint: ${rewritten} pages in ${out} start their scripts after their first paint.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv[2] ?? 'out');
