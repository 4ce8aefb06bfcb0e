'use client';

/** Export progress to a file, and import it back (on another browser, or after clearing this one). */
import { useRef, useState } from 'react';
import { progressFile } from '@/lib/progress/progress';
import { useProgressStore } from './ProgressProvider';

export function ProgressTools() {
  const store = useProgressStore();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const exportFile = () => {
    const blob = new Blob([progressFile(store.getState().progress, new Date().toISOString())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'roundtrip-progress.json';
    link.click();
    URL.revokeObjectURL(url);
    setMessage({ ok: true, text: 'Progress exported as roundtrip-progress.json.' });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 1_000_000) {
      setMessage({ ok: false, text: 'That file is far too large to be Roundtrip progress; nothing was changed.' });
      return;
    }
    const result = store.getState().importFile(await file.text());
    setMessage({ ok: result.ok, text: result.message });
    if (input.current) input.current.value = '';
  };

  return (
    <section aria-labelledby="progress-tools-heading" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="progress-tools-heading" className="m-0 text-base font-semibold">
        Your progress file
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Progress is saved in this browser. Export it to keep it, or to move to another device.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" onClick={exportFile} className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600">
          Export progress
        </button>
        <label className="cursor-pointer rounded-md border border-slate-300 px-3 py-2 text-sm focus-within:outline-3 focus-within:outline-blue-600 dark:border-slate-600">
          Import progress…
          <input ref={input} type="file" accept="application/json,.json" className="sr-only" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
      </div>
      <p role="status" className={`mt-2 text-sm ${message && !message.ok ? 'font-medium text-red-800 dark:text-red-300' : ''}`}>
        {message?.text}
      </p>
    </section>
  );
}
