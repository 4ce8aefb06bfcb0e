/**
 * A traffic run's timeline: at set moments, conditions change for every request from then on. Each change is a
 * note on the node it concerns, so a replayed request's neighbours could show it.
 */
import { note, type SimContext } from '@/lib/sim/context';
import { sleep, type Task } from '@/lib/sim/kernel/kernel';
import { invalidateDistribution } from '@/lib/sim/edge/distribution';
import type { Incidents } from './incidents';
import type { TimelineEntry } from './plan';

/** Applies the timeline's entries at their moments, each a note on the node it changes. */
export function* timeline(ctx: SimContext, entries: readonly TimelineEntry[], invalidationDelayMs: number, durationMs: number, incidents: Incidents): Task<void> {
  const { conditions } = ctx.world;
  const tag = { requestId: 'timeline', attempt: 1 };
  for (const { atS, action } of entries) {
    // A moment after the arrivals stop changes nothing anyone measures.
    if (atS * 1000 >= durationMs) return;
    yield* sleep(atS * 1000 - ctx.kernel.now);
    switch (action) {
      case 'deploy':
        conditions.deploys += 1;
        note(ctx, tag, 'app', { kind: 'condition', narration: 'New content is deployed: every object changes, and so does its validator.', decision: 'deploy' });
        break;
      case 'invalidate': {
        const { distribution } = ctx.world;
        const paths = distribution.invalidationPaths.map((p) => p.text).join(', ');
        note(ctx, tag, 'edge', { kind: 'condition', narration: () => `An invalidation of ${paths} is created; it reaches the edge in ${invalidationDelayMs / 1000} s.`, decision: 'invalidation created' });
        ctx.kernel.spawn(
          (function* (): Task<void> {
            yield* sleep(invalidationDelayMs);
            // Every edge location and Origin Shield drop what the paths name (lib/sim/edge/invalidation.ts).
            const dropped = invalidateDistribution(distribution);
            note(ctx, tag, 'edge', { kind: 'condition', narration: () => `The invalidation of ${paths} reaches every edge location${distribution.originShield ? ' and Origin Shield' : ''}: ${dropped} copies are dropped.`, decision: 'invalidation done' });
          })(),
        );
        break;
      }
      case 'db-slow':
      case 'db-down':
      case 'db-ok':
        conditions.db = action === 'db-slow' ? 'slow' : action === 'db-down' ? 'down' : 'ok';
        note(ctx, tag, 'db', { kind: 'condition', narration: `The database is now ${conditions.db === 'ok' ? 'healthy' : conditions.db}.`, decision: action });
        break;
      case 'payments-slow':
      case 'payments-down':
      case 'payments-ok':
        conditions.thirdParty = action === 'payments-slow' ? 'slow' : action === 'payments-down' ? 'down' : 'ok';
        note(ctx, tag, 'thirdparty', { kind: 'condition', narration: `The payments API is now ${conditions.thirdParty === 'ok' ? 'healthy' : conditions.thirdParty}.`, decision: action });
        break;
      case 'origin-5xx':
      case 'origin-ok':
        conditions.originFailing = action === 'origin-5xx';
        note(ctx, tag, 'app', { kind: 'condition', narration: conditions.originFailing ? 'The app starts failing: every request gets 500.' : 'The app recovers.', decision: action });
        break;
      case 'spike':
      case 'spike-end':
        // The arrivals change their own rate at these moments (run.ts); the note marks it for a replayed request.
        note(ctx, tag, 'browser', { kind: 'condition', narration: action === 'spike' ? 'A spike begins: visitors arrive faster.' : 'The spike ends.', decision: action });
        break;
      case 'attack-burst':
      case 'attack-stop':
      case 'bot-flood':
      case 'bot-flood-stop':
      case 'syn-flood':
      case 'syn-flood-stop':
      case 'db-failover':
        incidents.apply(action, tag);
        break;
    }
  }
}

