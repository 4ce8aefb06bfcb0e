'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { replayEarlyInput, takeEarlyInput, type EarlyStep } from './early-input';
import { SandboxProvider } from './store-context';
import { Sandbox } from './Sandbox';
import { UrlSync } from './UrlSync';

/** The full sandbox page: its own store, kept in sync with the address bar. */
export function SandboxApp() {
  const [linkRead, setLinkRead] = useState(false);
  const markRead = useCallback(() => setLinkRead(true), []);
  const early = useRef<EarlyStep[] | null>(null);
  // In the commit that hydrates everything below, before the browser can hand any event to the live controls: what
  // the learner did to the static ones is taken now (a press the live page handles is then never recorded too, and
  // takeEarlyInput leaves out the one whose arrival made React hydrate)...
  useLayoutEffect(() => {
    early.current = takeEarlyInput();
  }, []);
  // ...and done again on the live controls once the link the page was opened with is applied (or set aside).
  useEffect(() => {
    if (!linkRead || !early.current) return;
    replayEarlyInput(early.current);
    early.current = null;
  }, [linkRead]);
  return (
    <SandboxProvider>
      <UrlSync onRead={markRead} />
      <Sandbox />
    </SandboxProvider>
  );
}
