'use client';

import { SandboxProvider } from './store-context';
import { Sandbox } from './Sandbox';
import { UrlSync } from './UrlSync';

/** The full sandbox page: its own store, kept in sync with the address bar. */
export function SandboxApp() {
  return (
    <SandboxProvider>
      <UrlSync />
      <Sandbox />
    </SandboxProvider>
  );
}
