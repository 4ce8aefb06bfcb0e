/**
 * Milliseconds as people read them: 0.5 ms, 356 ms, 4.21 s. One format for the simulator's own display and for
 * engine figures quoted in lessons and quizzes, so a learner sees the same number in both places.
 */
export function formatMs(ms: number): string {
  if (ms < 10) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
