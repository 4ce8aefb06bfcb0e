/**
 * Lets the host run its queued tasks (a Worker's messages, a page's input) between slices of a long run.
 * A macrotask, not a microtask: only a macrotask lets an abort message arrive. Nothing computed depends on it.
 *
 * A message to a port of our own, where there are ports (browsers, Workers, Node): it is queued behind any message
 * that arrived during the slice, so a cancel is seen first. Not `setTimeout(…, 0)`, which browsers clamp to 4 ms once
 * timers nest more than five deep (HTML Living Standard, "Timers", the timer initialisation steps): measured in a
 * Chromium Worker, about 5 ms a pause against under 1 ms for a port, and a 100,000-request run pauses some 40 times.
 */
export function yieldToHost(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resume) => setTimeout(resume, 0));
  return new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resume();
    };
    channel.port2.postMessage(null);
  });
}
