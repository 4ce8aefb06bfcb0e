'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createProgressStore, type ProgressState, type ProgressStore } from '@/lib/store/progress-store';

const ProgressContext = createContext<ProgressStore | null>(null);

/**
 * One progress store for the site, read from localStorage after mount so static HTML and hydration agree.
 * Tests hand in a store of their own.
 */
export function ProgressProvider({ children, store: given }: { children: ReactNode; store?: ProgressStore }) {
  const [store] = useState(() => given ?? createProgressStore());
  useEffect(() => {
    void store.persist.rehydrate();
  }, [store]);
  return <ProgressContext.Provider value={store}>{children}</ProgressContext.Provider>;
}

export function useProgressStore(): ProgressStore {
  const store = useContext(ProgressContext);
  if (!store) throw new Error('useProgressStore must be used inside <ProgressProvider>');
  return store;
}

export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useStore(useProgressStore(), selector);
}
