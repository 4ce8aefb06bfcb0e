// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frameAt } from '@/lib/playback/frame';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { resultFor } from '@/lib/store/derived';
import { createSandboxStore } from '@/lib/store/sandbox-store';
import { SandboxStoreProvider } from '@/components/sandbox/store-context';
import { FIRST_USE_EVENTS, FIRST_USE_SCRIPT } from '@/components/ui/first-use';
import { frameAtRest } from './at-rest';
import { LazyFlowDiagram } from './LazyFlowDiagram';

// React Flow itself is not the subject: a stand-in says when the live diagram has replaced the drawing.
vi.mock('./FlowDiagram', () => ({ FlowDiagram: () => <p>live diagram</p> }));

// As the sandbox's inline script leaves a page it loaded, before any use.
beforeEach(() => {
  window.__roundtripUsed = false;
});

afterEach(() => {
  cleanup();
  window.__roundtripUsed = undefined;
});

function renderDiagram(store = createSandboxStore()) {
  render(
    <SandboxStoreProvider store={store}>
      <LazyFlowDiagram />
    </SandboxStoreProvider>,
  );
  return store;
}

/** Lets the dynamic import settle and React commit what it set. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const live = () => screen.queryByText('live diagram');

describe('the sandbox diagram before and after the first use', () => {
  it('the default run at its start is what the drawing shows: every service idle, nothing in flight', () => {
    expect(frameAtRest(frameAt(resultFor(DEFAULT_SCENARIO), 0))).toBe(true);
    // Its first hop, a moment in: no longer.
    expect(frameAtRest(frameAt(resultFor(DEFAULT_SCENARIO), 5))).toBe(false);
  });

  it('shows the drawing, with every service and what it stands for, until the page is used', async () => {
    const { container } = render(
      <SandboxStoreProvider store={createSandboxStore()}>
        <LazyFlowDiagram />
      </SandboxStoreProvider>,
    );
    await settle();
    expect(live()).toBeNull();
    expect(container.querySelector('svg[data-layout]')?.textContent).toContain('AWS Shield Standard');
    expect(container.textContent).toContain('sg-alb');
  });

  it.each(FIRST_USE_EVENTS)('mounts React Flow on the first %s anywhere in the page', async (type) => {
    renderDiagram();
    await settle();
    expect(live()).toBeNull();
    fireEvent(document.body, new Event(type, { bubbles: true }));
    await settle();
    expect(live()).not.toBeNull();
  });

  it('mounts it at once when the page was used before its scripts ran', async () => {
    // The inline script, as the page runs it while its HTML is parsed.
    new Function(FIRST_USE_SCRIPT)();
    fireEvent(window, new Event('pointermove'));
    expect(window.__roundtripUsed).toBe(true);
    renderDiagram();
    await settle();
    expect(live()).not.toBeNull();
  });

  it('mounts it at once on a page the client-side router brought, whose inline script never ran', async () => {
    window.__roundtripUsed = undefined;
    renderDiagram();
    await settle();
    expect(live()).not.toBeNull();
  });

  it('mounts it when the run leaves its rest: a step taken, a selection, another database', async () => {
    const stepped = renderDiagram();
    act(() => stepped.getState().seek(5));
    await settle();
    expect(live()).not.toBeNull();
    cleanup();

    const selected = renderDiagram();
    act(() => selected.getState().select('db'));
    await settle();
    expect(live()).not.toBeNull();
    cleanup();

    const mysql = renderDiagram();
    act(() => mysql.getState().updateScenario((s) => ({ ...s, db: { ...s.db, engine: 'mysql' } })));
    await settle();
    expect(live()).not.toBeNull();
  });

  it('selects a service or a link tapped in the drawing, as the live diagram would', async () => {
    const store = renderDiagram();
    const drawing = document.querySelector('svg[data-layout]')!;
    fireEvent.click(drawing.querySelector('[data-node="alb"] [data-part="counterpart"]')!);
    expect(store.getState().selection).toBe('alb');
    await settle();
    expect(live()).not.toBeNull();
    cleanup();
    const other = renderDiagram();
    fireEvent.click(document.querySelector('svg[data-layout] [data-link="app-db"] [data-part="link-label"]')!);
    expect(other.getState().selection).toBe('link:app-db');
  });

  it('keeps React Flow once mounted, even when the run is back at its rest', async () => {
    const store = renderDiagram();
    act(() => store.getState().select('db'));
    await settle();
    act(() => store.getState().select(null));
    await settle();
    expect(live()).not.toBeNull();
  });
});
