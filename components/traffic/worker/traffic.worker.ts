/**
 * The traffic worker: runs traffic scenarios and replays their requests off the main thread, so the page stays
 * responsive through a 100,000-request run. Started by client.ts; the messages are in protocol.ts, what it does with
 * them in handler.ts.
 */
import { createTrafficHandler } from './handler';
import type { FromWorker, ToWorker } from './protocol';

/** The part of a dedicated worker's global scope used here (the project's TypeScript lib is the DOM's, not the worker's). */
const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

const handle = createTrafficHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => void handle(event.data);
