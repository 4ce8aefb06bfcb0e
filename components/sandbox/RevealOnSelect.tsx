'use client';

/**
 * Wraps the diagram: when a click or a key inside it selects something new (a service, a link, a packet),
 * `onSelect` runs, so the sandbox can bring the inspector forward. Selections made elsewhere — a log line,
 * a waterfall bar, the inspector's own menu — do not call it: the learner is already looking where they
 * picked. Listening here spares the diagram, which lessons use too, from knowing about the sandbox's panels.
 */
import { useRef, type ReactNode, type Ref } from 'react';
import { useSandboxStore } from './store-context';

interface RevealOnSelectProps {
  onSelect: () => void;
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
  className?: string;
}

export function RevealOnSelect({ onSelect, children, ref, className }: RevealOnSelectProps) {
  const store = useSandboxStore();
  const before = useRef<string | null>(null);
  // Capture runs before the diagram's own handlers, bubbling after them: the two see the selection either side.
  const remember = () => {
    before.current = store.getState().selection;
  };
  const compare = () => {
    const now = store.getState().selection;
    if (now !== null && now !== before.current) onSelect();
  };
  return (
    <div ref={ref} className={className} onClickCapture={remember} onKeyDownCapture={remember} onClick={compare} onKeyDown={compare}>
      {children}
    </div>
  );
}
