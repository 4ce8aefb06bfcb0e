'use client';

import { useEffect, useState } from 'react';
import type { SimResult } from '@/lib/sim';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { primeResult } from '@/lib/store/derived';
import { loadEngine } from '@/lib/store/engine';
import { SandboxProvider } from './store-context';
import { Sandbox } from './Sandbox';
import { UrlSync } from './UrlSync';

/**
 * The full sandbox page: its own store, kept in sync with the address bar. Its first view is `firstRun`, the
 * default scenario's run as the engine worked it out when the page was built; the engine itself loads once the
 * page is up, and every change waits for it (lib/store/sandbox-store.ts).
 */
export function SandboxApp({ firstRun }: { firstRun: SimResult }) {
  useState(() => primeResult(DEFAULT_SCENARIO, firstRun));
  useEffect(() => {
    void loadEngine();
  }, []);
  return (
    <SandboxProvider>
      <UrlSync />
      <Sandbox />
    </SandboxProvider>
  );
}
