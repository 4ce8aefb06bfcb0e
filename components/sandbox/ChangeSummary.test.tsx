// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMs } from '@/lib/format-ms';
import { resultFor } from '@/lib/store/derived';
import { createSandboxStore } from '@/lib/store/sandbox-store';
import { changeSummaryText, changeText } from './change-text';
import { ChangeSummary } from './ChangeSummary';
import { SandboxStoreProvider } from './store-context';

afterEach(cleanup);

describe('the change summary', () => {
  it('says nothing until a condition changes, then what the change did', () => {
    const store = createSandboxStore();
    render(
      <SandboxStoreProvider store={store}>
        <ChangeSummary />
      </SandboxStoreProvider>,
    );
    const status = screen.getByRole('status', { name: 'What changed' });
    expect(status.textContent).toBe('');
    act(() => store.getState().loadPreset('db-timeout'));
    // The time comes from the engine: the jittered waits are its to choose, the rest of the sentence is ours.
    const latency = formatMs(resultFor(store.getState().scenario).outcome.latencyMs);
    expect(status.textContent).toBe(`Since your last change: status 200 → 503 · 356 ms → ${latency} · attempts 1 → 3 · +4 retries · cache miss → cached error · answered by App → CDN edge`);
    act(() => store.getState().updateScenario((s) => ({ ...s, request: { ...s.request, payload: 'benign' } })));
    expect(status.textContent).toBe('Since your last change: the outcome is the same.');
  });

  it('writes each figure the way the banner does', () => {
    expect(changeSummaryText([{ kind: 'latency', before: 356, after: 6390 }, { kind: 'attempts', before: 1, after: 3 }, { kind: 'retries', before: 0, after: 4 }])).toBe('356 ms → 6.39 s · attempts 1 → 3 · +4 retries');
    expect(changeText({ kind: 'retries', before: 2, after: 1 })).toBe('\u22121 retry');
    expect(changeText({ kind: 'status', before: 200, after: null })).toBe('status 200 → no answer');
    expect(changeText({ kind: 'cache', before: 'miss', after: 'hit' })).toBe('cache miss → cache hit');
    expect(changeText({ kind: 'writes', before: 1, after: 2 })).toBe('rows written 1 → 2');
    // Two latencies that read the same are no change to a reader.
    expect(changeText({ kind: 'latency', before: 356.2, after: 356.4 })).toBeNull();
  });
});
