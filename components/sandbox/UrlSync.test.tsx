import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { withMode } from '@/lib/scenario/modes';
import { onlyModeSwitched } from './UrlSync';

describe('a change made before the link was read', () => {
  it('is only a switch of mode when nothing but the mode (and what a rule ties to it) differs', () => {
    expect(onlyModeSwitched(DEFAULT_SCENARIO, withMode(DEFAULT_SCENARIO, 'traffic'))).toBe(true);
    expect(onlyModeSwitched(DEFAULT_SCENARIO, DEFAULT_SCENARIO)).toBe(false);
    const slower = { ...withMode(DEFAULT_SCENARIO, 'traffic'), db: { ...DEFAULT_SCENARIO.db, engine: 'mysql' as const } };
    expect(onlyModeSwitched(DEFAULT_SCENARIO, slower)).toBe(false);
  });
});
