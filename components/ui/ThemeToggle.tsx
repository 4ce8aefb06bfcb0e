'use client';

/** Light, dark, or the system's choice; remembered in localStorage and applied before paint (THEME_SCRIPT). */
import { useEffect, useSyncExternalStore } from 'react';

export const THEME_STORAGE_KEY = 'roundtrip-theme';
type Theme = 'system' | 'light' | 'dark';
const CHANGE_EVENT = 'roundtrip-theme-change';

/** Marks the theme menu, so the head script below can answer it before React has hydrated it. */
const THEME_CHOICE = 'data-theme-choice';

/**
 * Runs in <head> before the body paints, so a dark page never flashes white. A constant, not user input.
 * Reading pages load their scripts after the first paint (scripts/after-first-paint.ts), so it also applies and
 * remembers a choice made in the menu before React hydrates it; once hydrated, `choose` does the same again.
 */
export const THEME_SCRIPT = `(function(){function set(t){var d=t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d)}try{set(localStorage.getItem('${THEME_STORAGE_KEY}'))}catch(e){}document.addEventListener('change',function(e){var s=e.target;if(!s||!s.hasAttribute||!s.hasAttribute('${THEME_CHOICE}'))return;try{s.value==='system'?localStorage.removeItem('${THEME_STORAGE_KEY}'):localStorage.setItem('${THEME_STORAGE_KEY}',s.value)}catch(e){}set(s.value)})})()`;

function readTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(THEME_STORAGE_KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

function apply(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

function choose(theme: Theme) {
  try {
    if (theme === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage refused: the choice lasts for this page.
  }
  apply(theme);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, readTheme, () => 'system' as const);
  useEffect(() => {
    if (theme !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => apply('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [theme]);

  return (
    <label className="flex items-center gap-1.5 text-sm">
      <span className="sr-only sm:not-sr-only">Theme</span>
      <select {...{ [THEME_CHOICE]: '' }} className="h-8 rounded-md border border-slate-300 bg-white px-1.5 text-sm dark:border-slate-600 dark:bg-slate-900" value={theme} onChange={(e) => choose(e.target.value as Theme)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
