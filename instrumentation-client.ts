/**
 * Runs in the browser before Next.js starts the app (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation-client).
 *
 * Evaluating React DOM here keeps it out of the task that hydrates the page. Next runs this file in the task that
 * ran the page's last chunk, and the after-first-paint loader (`scripts/after-first-paint.ts`) makes the app start
 * in a later one. Booting every page was one task of 23–31 ms of thread time (a lesson, in Lighthouse's own loads),
 * which Lighthouse's simulated phone runs four times slower; in two, the longer is 12–16 ms.
 */
import 'react-dom/client';
