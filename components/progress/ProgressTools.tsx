'use client';

/**
 * Export progress to a file, and bring a file back. Importing merges (the better, then newer, result wins
 * for each question) and says what changed. Replacing asks first and can be undone. A file that is not
 * Roundtrip progress, is damaged or comes from a newer version changes nothing and says why. A file chosen before
 * the scripts have loaded is read once they have.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import dynamic from 'next/dynamic';
import { mergeImport } from '@/lib/progress/merge';
import { completedLessons, parseProgressFile, progressFile, type Progress } from '@/lib/progress/progress';
import { completePassedLessons } from '@/lib/progress/update';
import { useProgressStore } from './ProgressProvider';

// Only needed once a replacement is chosen.
const ConfirmDialog = dynamic(() => import('./ConfirmDialog').then((m) => m.ConfirmDialog), { ssr: false });

const MAX_FILE_BYTES = 1_000_000;

function lessons(count: number): string {
  return `${count} lesson${count === 1 ? '' : 's'}`;
}

function answered(progress: Progress): number {
  return Object.values(progress.lessons).reduce((sum, lesson) => sum + Object.keys(lesson.questions).length, 0);
}

/** Progress in a few words, for the question before replacing it. */
function describe(progress: Progress): string {
  const count = answered(progress);
  return `${lessons(completedLessons(progress))} complete, ${count} question${count === 1 ? '' : 's'} answered`;
}

async function readFile(file: File): Promise<{ ok: true; progress: Progress } | { ok: false; message: string }> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: 'That file is far too large to be Roundtrip progress; nothing was changed.' };
  return parseProgressFile(await file.text());
}

const buttonClass = 'rounded-md border border-slate-400 px-3 py-2 text-sm dark:border-slate-500';

/** `quizzes`: each lesson's question ids, so a lesson an import brings to a pass is completed. */
export function ProgressTools({ quizzes }: { quizzes: Readonly<Record<string, readonly string[]>> }) {
  const store = useProgressStore();
  const mergeInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pendingReplace, setPendingReplace] = useState<Progress | null>(null);
  const [undo, setUndo] = useState<Progress | null>(null);

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
    if (mergeInput.current) mergeInput.current.value = '';
    if (!file) return;
    const result = await readFile(file);
    setUndo(null);
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    const { progress, sentence } = mergeImport(store.getState().progress, result.progress);
    store.getState().setProgress(completePassedLessons(progress, quizzes, new Date().toISOString()));
    setMessage({ ok: true, text: `Progress imported: ${sentence}` });
  };

  const chooseReplacement = async (file: File | undefined) => {
    if (replaceInput.current) replaceInput.current.value = '';
    if (!file) return;
    const result = await readFile(file);
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    setPendingReplace(result.progress);
  };

  // A file chosen in the static HTML, before the page's scripts ran, sits in its input with no change event that React
  // heard (the reading pages start their scripts after the first paint). Read it once the tools are live, as if chosen now.
  const takeEarlyFiles = useEffectEvent(() => {
    const early = mergeInput.current?.files?.[0];
    if (early) void importFile(early);
    const replacement = replaceInput.current?.files?.[0];
    if (replacement) void chooseReplacement(replacement);
  });
  useEffect(() => takeEarlyFiles(), []);

  const replace = () => {
    if (!pendingReplace) return;
    const before = store.getState().setProgress(completePassedLessons(pendingReplace, quizzes, new Date().toISOString()));
    setPendingReplace(null);
    setUndo(before);
    setMessage({ ok: true, text: `Progress replaced by the file’s: ${describe(pendingReplace)}.` });
  };

  const undoReplace = () => {
    if (!undo) return;
    store.getState().setProgress(undo);
    setUndo(null);
    setMessage({ ok: true, text: 'Undone: your progress is as it was before the file replaced it.' });
  };

  return (
    <section aria-labelledby="progress-tools-heading" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="progress-tools-heading" className="m-0 text-base font-semibold">
        Your progress file
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Progress is saved in this browser. Export it to keep it, or to move to another device. Importing a file adds it to what is here: for each question the better result is kept, and between equal results the newer one.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" onClick={exportFile} className={buttonClass}>
          Export progress
        </button>
        <label className={`cursor-pointer focus-within:outline-3 focus-within:outline-blue-600 ${buttonClass}`}>
          Import progress…
          <input ref={mergeInput} type="file" accept="application/json,.json" className="sr-only" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
        <label className={`cursor-pointer focus-within:outline-3 focus-within:outline-blue-600 ${buttonClass}`}>
          Replace with a file…
          <input ref={replaceInput} type="file" accept="application/json,.json" className="sr-only" onChange={(e) => void chooseReplacement(e.target.files?.[0])} />
        </label>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <p role="status" className={`m-0 text-sm ${message && !message.ok ? 'font-medium text-red-800 dark:text-red-300' : ''}`}>
          {message?.text}
        </p>
        {undo ? (
          <button type="button" onClick={undoReplace} className={buttonClass}>
            Undo
          </button>
        ) : null}
      </div>
      {pendingReplace ? (
        <ConfirmDialog
          title="Replace your progress with this file?"
          confirmLabel="Replace my progress"
          cancelLabel="Keep mine"
          onConfirm={replace}
          onCancel={() => {
            setPendingReplace(null);
            setMessage({ ok: true, text: 'Nothing was replaced.' });
          }}
        >
          <p className="m-0">
            This browser has {describe(store.getState().progress)}. The file has {describe(pendingReplace)}. Replacing keeps only the file’s; you can undo it straight afterwards. To keep
            the best of both, import the file instead.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
