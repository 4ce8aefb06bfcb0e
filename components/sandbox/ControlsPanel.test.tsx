// @vitest-environment jsdom
import { decodeLink } from '@/lib/scenario/url-codec';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GROUPS } from '@/lib/scenario/field-kinds';
import { FIELD_ENTRIES } from '@/lib/scenario/paths';
import { createSandboxStore, type SandboxStore } from '@/lib/store/sandbox-store';
import { ControlsPanel } from './ControlsPanel';
import { Notices } from './Notices';
import { SandboxStoreProvider } from './store-context';

afterEach(cleanup);

function show(store: SandboxStore) {
  render(
    <SandboxStoreProvider store={store}>
      <Notices />
      <ControlsPanel />
    </SandboxStoreProvider>,
  );
}

describe('the controls, drawn from the field table', () => {
  it.each(['single', 'traffic', 'backoff-study'] as const)('gives every group of a %s run its legend and each of its settings a labelled control, and shows no other group', (mode) => {
    const store = createSandboxStore();
    store.getState().updateScenario((s) => ({ ...s, mode }));
    show(store);
    // Collapsed groups are closed disclosures: their controls exist, hidden until opened.
    const options = { hidden: true };
    for (const group of GROUPS) {
      const shown = (group.modes as readonly string[]).includes(mode);
      expect(screen.queryAllByRole('group', { name: group.legend, ...options }).length > 0, `${group.id} in ${mode}`).toBe(shown);
      if (!shown) continue;
      const box = screen.getByRole('group', { name: group.legend, ...options });
      const also: readonly string[] = 'also' in group ? group.also : [];
      for (const entry of FIELD_ENTRIES.filter((e) => e.group === group.id || also.includes(e.path))) {
        const found =
          entry.kind === 'list' || entry.kind === 'schedule'
            ? within(box).getByRole('group', { name: entry.label, ...options })
            : within(box).getByLabelText(new RegExp(`^${entry.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        expect(found, entry.path).toBeTruthy();
      }
    }
  });

  it('sets CloudFront’s origin response timeout, and says where its default comes from', () => {
    const store = createSandboxStore();
    show(store);
    const input = screen.getByLabelText(/^Origin response timeout/) as HTMLInputElement;
    expect(input.value).toBe('30');
    expect(document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toContain('CustomOriginConfig');
    fireEvent.change(input, { target: { value: '45' } });
    expect(store.getState().scenario.origin.responseTimeoutS).toBe(45);
    fireEvent.change(input, { target: { value: '121' } });
    expect(store.getState().scenario.origin.responseTimeoutS).toBe(45);
  });

  it('switches on retrying calls that are not idempotent', () => {
    const store = createSandboxStore();
    show(store);
    fireEvent.click(screen.getByLabelText('Retry calls that are not idempotent too'));
    expect(store.getState().scenario.retry.unsafe).toBe(true);
  });

  it('names the preset the conditions match, and says Custom once they match none', () => {
    show(createSandboxStore());
    const menu = screen.getByLabelText('Start from a preset') as HTMLSelectElement;
    expect(menu.value).toBe('');
    fireEvent.change(menu, { target: { value: 'cache-hit' } });
    expect(menu.value).toBe('cache-hit');
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'PUT' } });
    expect(menu.value).toBe('custom');
    expect(menu.selectedOptions[0]?.textContent).toBe('Custom');
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'GET' } });
    expect(menu.value).toBe('cache-hit');
  });

  it('offers only the kinds one request can be, and shows a mix a traffic link set', () => {
    show(createSandboxStore());
    const kind = () => screen.getByLabelText('What the browser asks for') as HTMLSelectElement;
    expect([...kind().options].map((o) => o.value)).toEqual(['api', 'static']);
    cleanup();
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink('mode=traffic&kind=mix'));
    show(store);
    expect(kind().value).toBe('mix');
    expect([...kind().options].map((o) => o.value)).toEqual(['api', 'static', 'mix']);
  });

  it('labels the app handler’s time as CPU time', () => {
    show(createSandboxStore());
    expect((screen.getByLabelText(/^App handler CPU time/) as HTMLInputElement).value).toBe('5');
  });

  it('lists a menu’s options in the table’s order', () => {
    show(createSandboxStore());
    const waf = screen.getByLabelText('AWS WAF') as HTMLSelectElement;
    expect([...waf.options].map((o) => o.value)).toEqual(['on', 'count', 'off']);
  });
});

describe('the notices', () => {
  it('explains settings that cannot take effect together in a polite status, apart from the link’s alert', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink('db=deadlock&dbms=redis&colour=blue'));
    show(store);
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Redis runs commands one at a time');
    expect(screen.getByRole('alert').textContent).toContain('colour');
    expect(screen.getByRole('alert').textContent).not.toContain('Redis');
    // The learner's choice stands.
    expect(store.getState().scenario.db).toMatchObject({ behaviour: 'deadlock', engine: 'redis' });
  });

  it('keeps an empty live region while nothing needs explaining, and fills it when the scenario changes', () => {
    const store = createSandboxStore();
    show(store);
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.change(screen.getByLabelText('Engine'), { target: { value: 'redis' } });
    fireEvent.change(screen.getAllByLabelText('Behaviour')[0]!, { target: { value: 'deadlock' } });
    expect(screen.getByRole('status').textContent).toContain('cannot deadlock');
  });
});
