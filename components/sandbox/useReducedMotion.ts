'use client';

import { useMediaQuery } from '@/components/ui/useMediaQuery';
import { useSandbox } from './store-context';

/** Reduced motion replaces moving packets with highlighted steps: the system setting, unless the learner chose. */
export function useReducedMotion(): boolean {
  const preference = useSandbox((s) => s.motion);
  const system = useMediaQuery('(prefers-reduced-motion: reduce)');
  return preference === 'system' ? system : preference === 'reduce';
}
