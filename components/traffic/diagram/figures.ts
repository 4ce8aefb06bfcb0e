/**
 * Each node's load at one stretch of a traffic run, in the words and numbers the diagram shows: short lines in the
 * node's box, a meter for the stations where requests queue, and a sentence for the text alternative. Pure.
 */
import type { Scenario } from '@/lib/scenario/schema';
import { NODES, type NodeId } from '@/lib/sim';
import type { SeriesPoint } from '@/lib/traffic';
import { breakerEdges } from './flows';

/**
 * How full a station is. The cut-offs are the diagram's own (*assumed*, not a standard): from 70% busy a queue
 * grows quickly (M/M/1's mean queue is ρ²/(1 − ρ): 1.6 at 70%, 8.1 at 90%), and from 90% or with anyone waiting it
 * is full for practical purposes.
 */
export type Load = 'calm' | 'busy' | 'full';
export const BUSY_FROM = 0.7;
export const FULL_FROM = 0.9;

export function loadOf(share: number, waiting = 0): Load {
  if (share >= FULL_FROM || waiting >= 1) return 'full';
  return share >= BUSY_FROM ? 'busy' : 'calm';
}

export const LOAD_WORDS: Record<Load, string> = { calm: 'calm', busy: 'busy', full: 'full' };

export interface Meter {
  /** 0 to 1. */
  value: number;
  load: Load;
}

export interface NodeFigure {
  node: NodeId;
  /** One or two short lines under the node's name. */
  lines: string[];
  meter?: Meter;
  /** The text alternative's line for the node. */
  sentence: string;
}

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** A rate or a count as people read it: 1,250; 48; 3.5; 0.2; 0. */
export function num(x: number): string {
  if (x >= 10 || x === 0) return whole.format(x);
  return `${Math.round(x * 10) / 10}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The figures that change with the scenario but not with time: pool size and breakers. */
export interface Capacity {
  poolSize: number;
  breakers: number;
}

export function capacityOf(scenario: Scenario): Capacity {
  return { poolSize: scenario.app.pods * scenario.app.pool, breakers: breakerEdges(scenario).total };
}

export function nodeFigures(p: SeriesPoint, capacity: Capacity): NodeFigure[] {
  const name = (id: NodeId) => NODES[id].label;
  const figures: NodeFigure[] = [];
  const bots = p.botRps > 0 ? `; ${num(p.botRps)} bot requests a second` : '';
  figures.push({
    node: 'browser',
    lines: [p.botRps > 0 ? `${num(p.browserCallsPerS)} + ${num(p.botRps)} bots/s` : `${num(p.browserCallsPerS)} sent/s`, `${percent(p.errorRate)} errors`],
    sentence: `${name('browser')}: ${num(p.browserCallsPerS)} requests a second sent, retries included; ${num(p.rps)} a second answered, ${percent(p.errorRate)} of them server errors${bots}.`,
  });
  figures.push(
    p.synPps > 0
      ? { node: 'shield', lines: [`absorbs ${num(p.synPps)}`, 'SYN/s'], sentence: `${name('shield')}: absorbing ${num(p.synPps)} SYN packets a second.` }
      : { node: 'shield', lines: ['no SYN flood'], sentence: '' },
  );
  figures.push({
    node: 'waf',
    lines: [p.wafStoppedPerS > 0 ? `stopped ${num(p.wafStoppedPerS)}/s` : 'stopped none'],
    sentence: `${name('waf')}: ${p.wafStoppedPerS > 0 ? `stopped ${num(p.wafStoppedPerS)} requests a second` : 'stopped none'}.`,
  });
  figures.push({
    node: 'edge',
    lines: [p.hitRatio === null ? 'no lookups' : `${percent(p.hitRatio)} hits`, `${num(p.originRps)}/s to origin`],
    sentence: `${name('edge')}: ${p.hitRatio === null ? 'no cache lookups' : `${percent(p.hitRatio)} of cache lookups were hits`}; ${num(p.originRps)} requests a second to the origin.`,
  });
  // One sentence for both proxies: they pass on what the edge sends.
  figures.push({ node: 'alb', lines: [`${num(p.originRps)} req/s`], sentence: `${name('alb')} and ${name('web').toLowerCase()}: ${num(p.originRps)} requests a second on to the app.` });
  figures.push({ node: 'web', lines: [`${num(p.originRps)} req/s`], sentence: '' });
  figures.push({
    node: 'app',
    lines: [`CPU ${percent(p.appUtilization)} busy`, `${num(p.appQueue)} waiting`],
    meter: { value: Math.min(1, p.appUtilization), load: loadOf(p.appUtilization, p.appQueue) },
    sentence: `${name('app')}: event loops ${percent(p.appUtilization)} busy, ${num(p.appQueue)} requests waiting for one on average.`,
  });
  const poolShare = capacity.poolSize ? p.poolInUse / capacity.poolSize : 0;
  figures.push({
    node: 'db',
    lines: [`pool ${num(p.poolInUse)}/${capacity.poolSize}`, `${num(p.poolWaiting)} waiting`],
    meter: { value: Math.min(1, poolShare), load: loadOf(poolShare, p.poolWaiting) },
    sentence: `${name('db')}: ${num(p.poolInUse)} of ${capacity.poolSize} pooled connections in use on average, ${num(p.poolWaiting)} queries waiting for one; ${num(p.dbCallsPerS)} queries a second.`,
  });
  figures.push({
    node: 'thirdparty',
    lines: [`${num(p.paymentsCallsPerS)} calls/s`],
    sentence: p.paymentsCallsPerS > 0 ? `${name('thirdparty')}: ${num(p.paymentsCallsPerS)} calls a second.` : '',
  });
  return figures;
}

/** The text alternative: a line per node that has something to say, and the breakers and dropped packets when any. */
export function figureSentences(p: SeriesPoint, capacity: Capacity): string[] {
  const lines = nodeFigures(p, capacity)
    .map((f) => f.sentence)
    .filter(Boolean);
  if (capacity.breakers > 0) lines.push(breakerSentence(p, capacity));
  if (p.deniedPerS > 0) lines.push(`Network rules dropped ${num(p.deniedPerS)} packets a second.`);
  return lines;
}

export function breakerSentence(p: SeriesPoint, capacity: Capacity): string {
  return p.breakersOpen > 0
    ? `Circuit breakers: ${p.breakersOpen} of ${capacity.breakers} open or half-open at the end of the stretch; ${num(p.rejectedPerS)} calls a second refused.`
    : `Circuit breakers: all ${capacity.breakers} closed.`;
}

/** "At 25 s of 90 s": the playhead, and the stretch it is in. */
export function momentWords(p: SeriesPoint, bucketS: number, endS: number): string {
  return `From ${num(p.t)} s to ${num(p.t + bucketS)} s of ${num(endS)} s`;
}
