'use client';

/**
 * Tabs (the WAI-ARIA pattern, automatic activation): one tab stop for the tab list, the arrow keys, Home
 * and End move between tabs and show each one's panel. The panels stay mounted while hidden, so a form,
 * a filter or a scroll position is as the learner left it. The caller owns which tab is shown, so
 * something outside the tabs (a click on the diagram) can bring one forward.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';

export interface Tab<Id extends string> {
  id: Id;
  label: string;
  panel: ReactNode;
}

interface TabsProps<Id extends string> {
  label: string;
  tabs: readonly Tab<Id>[];
  active: Id;
  onChange: (id: Id) => void;
  className?: string;
  /** For each panel, e.g. how it scrolls. */
  panelClassName?: string;
  ref?: Ref<HTMLDivElement>;
}

export function Tabs<Id extends string>({ label, tabs, active, onChange, className = '', panelClassName = '', ref }: TabsProps<Id>) {
  const id = useId();
  const buttons = useRef<Partial<Record<Id, HTMLButtonElement | null>>>({});
  const index = tabs.findIndex((t) => t.id === active);

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    onChange(next.id);
    buttons.current[next.id]?.focus();
  };

  return (
    <div ref={ref} className={className}>
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex shrink-0 gap-x-0.5 border-b border-slate-300 dark:border-slate-700">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(button) => {
              buttons.current[tab.id] = button;
            }}
            type="button"
            role="tab"
            id={`${id}-${tab.id}-tab`}
            aria-selected={tab.id === active}
            aria-controls={`${id}-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => onChange(tab.id)}
            className="-mb-px shrink-0 rounded-t-md border-b-2 border-transparent px-2 py-2 text-sm font-medium text-slate-700 hover:text-slate-950 aria-selected:border-blue-700 aria-selected:text-blue-800 dark:text-slate-300 dark:hover:text-white dark:aria-selected:border-blue-300 dark:aria-selected:text-blue-200"
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`${id}-${tab.id}`} aria-labelledby={`${id}-${tab.id}-tab`} hidden={tab.id !== active} className={panelClassName}>
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
