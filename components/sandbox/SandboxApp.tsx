'use client';

import { useEffect } from 'react';
import { replayEarlyInput } from './early-input';
import { SandboxProvider } from './store-context';
import { Sandbox } from './Sandbox';
import { UrlSync } from './UrlSync';

/** The full sandbox page: its own store, kept in sync with the address bar. */
export function SandboxApp() {
  // After the hydration of everything below: what the learner did to the static controls is done again on live ones.
  useEffect(replayEarlyInput, []);
  return (
    <SandboxProvider>
      <UrlSync />
      <Sandbox />
    </SandboxProvider>
  );
}
