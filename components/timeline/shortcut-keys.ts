/**
 * The keys the sandbox's player answers to (useKeyboardShortcuts): Space plays and pauses, ←/→ step, Home/End jump.
 * A plain module, so the sandbox's inline early-input script (rendered by a server component) can list them too.
 */
export const SHORTCUT_KEYS = [' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End'] as const;
export type ShortcutKey = (typeof SHORTCUT_KEYS)[number];
