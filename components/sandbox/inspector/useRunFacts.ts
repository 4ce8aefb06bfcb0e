'use client';

import { useMemo } from 'react';
import type { RunFacts } from '@/lib/inspect/layers';
import { useResult, useSandbox } from '../store-context';

/** What the layers need to know about the current run. */
export function useRunFacts(): RunFacts {
  const { events } = useResult();
  const engine = useSandbox((s) => s.scenario.db.engine);
  const tls = useSandbox((s) => s.scenario.tls);
  const seed = useSandbox((s) => s.scenario.seed);
  return useMemo(() => ({ events, engine, tls, seed }), [events, engine, tls, seed]);
}
