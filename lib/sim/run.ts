/**
 * runScenario: one request's whole life, derived from the scenario's causes.
 * Pure and deterministic: the same scenario gives byte-identical JSON.
 * `tallyScenario` runs the same node code with a recorder that keeps counts only (lib/sim/recorder.ts).
 */
import type { Scenario } from '@/lib/scenario/schema';
import { createContext } from './context';
import { browserSession, type BrowserResult } from './nodes/browser';
import { createEdge } from './setup';
import { summarise } from './summary';
import { TallyRecorder, TraceRecorder } from './recorder';
import type { NodeId, RequestOutcome, SimResult } from './types';

/** What a run yields whichever recorder kept it. */
export type SimTally = Omit<SimResult, 'events'>;

function runWith(scenario: Scenario, recorder: TallyRecorder): SimTally {
  const ctx = createContext(scenario, recorder);
  const edge = createEdge(ctx);
  let browser: BrowserResult | null = null;
  ctx.kernel.spawn(browserSession(ctx, edge), (result) => {
    browser = result;
  });
  ctx.kernel.run();

  const result = browser as BrowserResult | null;
  const response = result?.response ?? null;
  const blockedBy: NodeId | null = response?.blockedBy ?? null;
  const outcome: RequestOutcome = {
    status: response?.status ?? null,
    latencyMs: result ? Math.round(result.answeredAtMs * 1000) / 1000 : 0,
    attempts: result?.attempts ?? 0,
    cache: result?.cache ?? 'bypass',
    blockedBy,
    answeredBy: response?.origin ?? null,
    hops: recorder.hops('r1'),
    renderedAtMs: result?.renderedAtMs ?? null,
    writesCommitted: ctx.ledger.writesCommitted,
    duplicateWrites: ctx.ledger.duplicateWrites,
    chargesMade: ctx.ledger.chargesMade,
    duplicateCharges: ctx.ledger.duplicateCharges,
    workEndedAtMs: Math.round(recorder.endMs * 1000) / 1000,
  };
  const latencies = result ? [result.answeredAtMs, ...result.assetLatencies] : [];
  const errors = response === null || response.status >= 400 ? 1 : 0;
  return {
    version: scenario.v,
    outcome,
    summary: summarise(recorder, ctx.counters, latencies, errors),
  };
}

/** One request with every event and its words: what the sandbox, the lessons and the traces show. */
export function runScenario(scenario: Scenario): SimResult {
  const trace = new TraceRecorder();
  const { version, outcome, summary } = runWith(scenario, trace);
  return { version, events: trace.events, outcome, summary };
}

/** The same run keeping counts only: its outcome and summary equal `runScenario`'s, with no events built. */
export function tallyScenario(scenario: Scenario): SimTally {
  return runWith(scenario, new TallyRecorder());
}
