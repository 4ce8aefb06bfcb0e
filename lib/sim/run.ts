/**
 * runScenario: one request's whole life, derived from the scenario's causes.
 * Pure and deterministic: the same scenario gives byte-identical JSON.
 */
import type { Scenario } from '@/lib/scenario/schema';
import { createContext } from './context';
import { browserSession, type BrowserResult } from './nodes/browser';
import { createEdge } from './setup';
import { summarise } from './summary';
import type { NodeId, RequestOutcome, SimEvent, SimResult } from './types';

function hopsOf(events: readonly SimEvent[], requestId: string): NodeId[] {
  const hops: NodeId[] = [];
  for (const e of events) {
    if (e.requestId !== requestId || !e.leg) continue;
    for (const node of [e.from, ...(e.via ?? []), e.to]) if (!hops.includes(node)) hops.push(node);
  }
  return hops;
}

export function runScenario(scenario: Scenario): SimResult {
  const ctx = createContext(scenario);
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
    hops: hopsOf(ctx.events, 'r1'),
    renderedAtMs: result?.renderedAtMs ?? null,
    writesCommitted: ctx.ledger.writesCommitted,
    duplicateWrites: ctx.ledger.duplicateWrites,
    chargesMade: ctx.ledger.chargesMade,
    duplicateCharges: ctx.ledger.duplicateCharges,
    workEndedAtMs: Math.round(ctx.events.reduce((end, e) => Math.max(end, e.t + e.durationMs), 0) * 1000) / 1000,
  };
  const latencies = result ? [result.answeredAtMs, ...result.assetLatencies] : [];
  const errors = response === null || response.status >= 400 ? 1 : 0;
  return {
    version: scenario.v,
    events: ctx.events,
    outcome,
    summary: summarise(ctx.events, ctx.counters, latencies, errors),
  };
}
