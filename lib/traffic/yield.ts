/**
 * Lets the host run its queued tasks (a Worker's messages, a page's input) between slices of a long run.
 * A macrotask, not a microtask: only a macrotask lets an abort message arrive. Nothing computed depends on it.
 */
export function yieldToHost(): Promise<void> {
  return new Promise((resume) => setTimeout(resume, 0));
}
