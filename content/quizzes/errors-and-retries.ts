import type { Quiz } from '@/lib/quiz/types';

const C = 'error-handling-and-retries';

export const quiz: Quiz = {
  lesson: 'errors-and-retries',
  questions: [
    {
      id: 'graceful-degradation',
      type: 'single',
      prompt: 'The database has been down for ten minutes. Which behaviour is what error handling is for?',
      options: [
        { id: 'a', text: 'The app process crashes so that Kubernetes restarts it.' },
        { id: 'b', text: 'The page shows a stale copy or a friendly "try again in a moment" message, the failures are logged, and an alarm fires.' },
        { id: 'c', text: 'The browser retries every second until the database is back.' },
        { id: 'd', text: 'The app returns 200 with an empty body so no error is recorded.' },
      ],
      answer: 'b',
      explanation:
        'Error handling means detecting, managing and responding to errors: no crash, a graceful degradation for the user (cached data or a clear message), and logs and alarms so people can act. Endless retries (C) pile load on a service that is already down, and hiding the failure behind a 200 (D) breaks monitoring and caches.',
      covers: [C, `${C}--concept-what`, `${C}--why-purpose`],
    },
    {
      id: 'error-layer-match',
      type: 'match',
      prompt: 'Match each error to the layer the classification table puts it in.',
      pairs: [
        { left: 'A CORS error in the browser console', right: 'Frontend' },
        { left: 'A 504 from CloudFront after every try of the origin timed out', right: 'CDN' },
        { left: 'A 502 from the app because the payments API refuses connections', right: 'ALB / backend' },
        { left: 'SQLSTATE 40P01 deadlock_detected', right: 'Database' },
      ],
      explanation:
        'CORS is enforced by the browser, so it is a frontend error: retrying will not fix it, configuration will. A 504 is the edge giving up on the origin (for a GET, after trying it up to three times), so the CDN layer can fall back to a cached copy. A 502 is the backend reporting a broken upstream: backoff and a circuit breaker help. A deadlock is a database error, and the fix is to retry the whole transaction.',
      covers: [`${C}--error-codes-and-classification`],
    },
    {
      id: 'waf-403-attempts',
      type: 'predict',
      prompt: 'The WAF blocks a request with 403. The browser retries 5xx responses up to 3 attempts. How many attempts does the browser make?',
      link: 'payload=sqli',
      ask: 'attempts',
      choices: ['1', '2', '3'],
      explanation:
        'A 403 is a permanent answer, not a transient failure: the same request will be blocked again. The browser gives up after one attempt ("no retry: a 403 Forbidden is not transient"). Only timeouts, connection failures, 502, 503, 504, throttling and deadlocks are worth retrying.',
      covers: [`${C}--error-codes-and-classification`, `${C}--best-practices-tips`],
    },
    {
      id: 'deadlock-status',
      type: 'predict',
      prompt: "A POST's INSERT deadlocks on its first try, and PostgreSQL rolls the transaction back. The app retries database calls; there is no Idempotency-Key. What status does the browser get?",
      link: 'preset=deadlock',
      ask: 'status',
      choices: ['201', '409', '500', '503'],
      explanation:
        'A deadlock rolls the whole transaction back, so the database proves nothing was written: running it again is safe even for a non-idempotent POST, and no idempotency key is needed. It is also transient, because the other transaction finishes. The app waits a jittered moment, the second attempt succeeds, and the browser gets 201 Created, about <Outcome link="preset=deadlock" of="latencyMs" minus="latencyMs" minusLink="method=POST" format="s" /> later than usual because PostgreSQL only checks for deadlocks after deadlock_timeout (1 s). A timeout would be different: it proves nothing, so the app would not repeat the write.',
      covers: [`${C}--error-codes-and-classification`, `${C}--real-world-aws-example`],
    },
    {
      id: 'full-jitter-range',
      type: 'single',
      prompt: 'Exponential backoff with full jitter, base 100 ms, cap 20 s. What is the range of the wait before the second retry (n = 1)?',
      options: [
        { id: 'a', text: 'Exactly 200 ms' },
        { id: 'b', text: 'Anywhere from 0 to 200 ms' },
        { id: 'c', text: 'Anywhere from 100 to 200 ms' },
        { id: 'd', text: 'Anywhere from 0 to 20 s' },
      ],
      answer: 'b',
      explanation:
        'expo(1) = min(cap, base × 2^1) = 200 ms, and full jitter draws sleep = random(0, expo(n)). Exactly 200 ms is backoff with no jitter; 100 to 200 ms is equal jitter (expo/2 + random(0, expo/2)). The cap only matters once base × 2^n grows past 20 s.',
      covers: [`${C}--common-patterns`, `${C}--best-practices-tips`],
    },
    {
      id: 'retry-after-cap',
      type: 'single',
      prompt: 'The app answers 503 with Retry-After: 1. The browser\'s full-jitter backoff drew 44 ms for its next wait, and its retry policy caps waits at 500 ms. How long does the browser wait before retrying?',
      options: [
        { id: 'a', text: '44 ms: its own backoff' },
        { id: 'b', text: '500 ms: the server\'s 1 s, cut to the cap' },
        { id: 'c', text: '1 s: the server\'s hint always wins' },
        { id: 'd', text: '1,044 ms: the hint plus the backoff' },
      ],
      answer: 'b',
      explanation:
        'A client that honours Retry-After waits the longer of its own backoff and the server\'s hint, here 1 s rather than 44 ms. The hint is still capped by the client\'s policy, so it waits 500 ms; with the default 20 s cap it would wait the full second. Ignoring the header (a) hits a server that has just said it needs a moment; adding the two (d) is not what any common client does. Retry-After matters most on 503 and 429, the answers of a server that is shedding load.',
      covers: [`${C}--common-patterns`, `${C}--best-practices-tips`],
    },
    {
      id: 'post-attempts',
      type: 'predict',
      prompt: 'A POST without an Idempotency-Key times out on a slow database, and the app answers 503. How many attempts does the browser make?',
      link: 'preset=post-no-retry',
      ask: 'attempts',
      choices: ['1', '2', '3'],
      explanation:
        'A timeout does not mean the INSERT did not happen: it reached the database and keeps running (statement_timeout is off by default), and about 2 s after the visitor\'s 503 it commits. POST is not idempotent, so neither the app nor the browser repeats it: one attempt, and one order nobody was told about. With the naive retry-on-5xx rule, every retried INSERT would commit too. With an Idempotency-Key, the app\'s retry finds the key stored with the first order, writes nothing, and the visitor gets 201.',
      covers: [`${C}--best-practices-tips`, `${C}--devops-vs-developer-responsibilities`],
    },
    {
      id: 'idempotent-methods',
      type: 'multiple',
      prompt: 'After a timeout, which requests are safe to retry automatically? Select all that apply.',
      options: [
        { id: 'get', text: 'GET /api/profile' },
        { id: 'put', text: 'PUT /api/profile with the full new profile' },
        { id: 'delete', text: 'DELETE /api/sessions/42' },
        { id: 'post', text: 'POST /api/orders with no Idempotency-Key' },
        { id: 'post-key', text: 'POST /api/orders with an Idempotency-Key the server checks' },
        { id: 'patch', text: 'PATCH /api/balance that adds 10 to the balance' },
      ],
      answers: ['get', 'put', 'delete', 'post-key'],
      explanation:
        'GET, HEAD, PUT and DELETE are idempotent by HTTP\'s definition (RFC 9110): doing them twice has the same effect as once, provided the handler keeps that promise (a PUT that upserts by key does; a PUT that INSERTs would not). A POST becomes safe when it carries an idempotency key that the server stores with its write and checks on a repeat. A plain POST, or a PATCH that adds to a value, could take effect twice.',
      covers: [`${C}--best-practices-tips`],
    },
    {
      id: 'amplification',
      type: 'single',
      prompt: 'The browser, the app and the app\'s database client each make up to 3 attempts. In the worst case, how many calls can one click cause at the database?',
      options: [
        { id: 'a', text: '3' },
        { id: 'b', text: '9' },
        { id: 'c', text: '27' },
        { id: 'd', text: '243' },
      ],
      answer: 'c',
      explanation:
        'Retries multiply: with a attempts at each of L layers the bottom sees up to a^L calls, so 3^3 = 27. The sandbox shows 3^2 = 9 database queries when the browser and the app both retry a slow database with caching disabled. 243 is the AWS Builders\' Library example of 3 attempts at 5 layers. Retry at one layer and let the others fail fast.',
      covers: [`${C}--best-practices-tips`, `${C}--how-it-works-flow`],
    },
    {
      id: 'cached-error',
      type: 'predict',
      prompt: 'The database is down, the edge may cache the response, and the browser retries GETs. What does the outcome report for the cache on the final attempt?',
      link: 'db=down',
      ask: 'cache',
      choices: ['miss', 'stale', 'error', 'bypass'],
      explanation:
        'The first attempt reaches the origin, which answers 503 after its own retries, and CloudFront caches that error for 10 s by default. The browser\'s second and third attempts arrive within those 10 s and get the cached 503 from the edge ("Error from cloudfront"), so the cache reports error. It is not a miss because the origin is never asked again, and not stale because the edge holds no good copy to fall back on.',
      covers: [`${C}--how-it-works-flow`, `${C}--error-codes-and-classification`],
    },
    {
      id: 'patterns-match',
      type: 'match',
      prompt: 'Match each pattern to the problem it solves.',
      pairs: [
        { left: 'Exponential backoff with jitter', right: 'Retries that hammer a recovering service at the same moment' },
        { left: 'Circuit breaker', right: 'Calls that keep going to a service that keeps failing' },
        { left: 'Fallback', right: 'A user who would otherwise get a bare error page' },
        { left: 'Bulkhead', right: 'One slow dependency using up every thread or connection' },
      ],
      explanation:
        'Backoff spreads retries out over time; a breaker stops them altogether while a service is failing and rejects calls at once; a fallback answers with cached data, defaults or a partial response; a bulkhead caps the capacity each dependency may use, so a slow payments API cannot starve the database calls.',
      covers: [`${C}--common-patterns`],
    },
    {
      id: 'breaker-states',
      type: 'order',
      prompt: 'Put a circuit breaker\'s life during an outage and recovery in order (resilience4j defaults).',
      steps: [
        { id: 'closed', text: 'Closed: calls pass through and failures are counted' },
        { id: 'open', text: 'The failure rate reaches 50% over the last 100 calls, and the breaker opens' },
        { id: 'reject', text: 'Open: every call is rejected at once and the fallback runs, for 60 s' },
        { id: 'half-open', text: 'Half-open: 10 trial calls are let through' },
        { id: 'close-again', text: 'Fewer than 50% of the trial calls fail, so the breaker closes again' },
      ],
      explanation:
        'resilience4j opens when the failure rate is at or above 50% (window and minimum both 100 calls), stays open for waitDurationInOpenState (60 s), then permits 10 calls in half-open. If their failure rate is below the threshold it closes; otherwise it opens again. opossum is similar, with a 30 s reset and a single trial call.',
      covers: [`${C}--common-patterns`, `${C}--real-world-aws-example`],
    },
    {
      id: 'devops-or-developer',
      type: 'multiple',
      prompt: 'Which of these are DevOps responsibilities rather than the developers\'? Select all that apply.',
      options: [
        { id: 'a', text: 'Setting up CloudWatch alarms for a high 5xx rate or repeated retries' },
        { id: 'b', text: 'Adding an idempotency key check to the orders endpoint' },
        { id: 'c', text: 'Analysing CloudWatch Logs for failure patterns and bringing persistent errors to the developers' },
        { id: 'd', text: 'Choosing the backoff and jitter in the retry code' },
        { id: 'e', text: 'Keeping the ALB, CloudFront and the database healthy' },
      ],
      answers: ['a', 'c', 'e'],
      explanation:
        'Developers implement retry logic, backoff, circuit breakers and fallbacks, and make operations idempotent (b and d). DevOps monitor metrics such as latency, error rates and retry counts, analyse logs, set up alarms, keep the infrastructure healthy, troubleshoot system-level problems, and coordinate with the developers on errors that persist.',
      covers: [`${C}--devops-vs-developer-responsibilities`],
    },
  ],
};
