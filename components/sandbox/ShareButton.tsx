'use client';

import { useState } from 'react';
import { linkFor } from '@/lib/store/sandbox-store';
import { useSandboxStore } from './store-context';

/** Copies a link to this exact moment: the scenario, the playhead and the selection. */
export function ShareButton() {
  const store = useSandboxStore();
  const [status, setStatus] = useState('');

  const share = async () => {
    const query = linkFor(store.getState());
    const url = `${window.location.origin}${window.location.pathname}${query ? `?${query}` : ''}`;
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied. Opening it shows exactly this moment.');
    } catch {
      // Clipboard access can be refused; the link is still in the address bar.
      setStatus('Copy was not allowed here: the address bar holds the same link.');
    }
  };

  return (
    <div className="flex items-center gap-3">
      <button type="button" onClick={share} className="h-10 rounded-md bg-blue-700 px-4 text-sm font-medium text-white hover:bg-blue-800">
        Share this moment
      </button>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {status}
      </p>
    </div>
  );
}
