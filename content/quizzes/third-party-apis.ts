import type { Quiz } from '@/lib/quiz/types';

const CHAPTER = 'full-communication-flow-with-waf-shield-ports-and-protocols';
const THIRD = `${CHAPTER}--4-application-server-third-party-services`;
const BEST = 'error-handling-and-retries--best-practices-tips';
const PATTERNS = 'error-handling-and-retries--common-patterns';

export const quiz: Quiz = {
  lesson: 'third-party-apis',
  questions: [
    {
      id: 'third-party-protocol',
      type: 'single',
      prompt: 'How does the app call a payment provider such as Stripe?',
      options: [
        { id: 'a', text: 'HTTPS on port 443, with REST or GraphQL requests and JSON bodies' },
        { id: 'b', text: 'Plain HTTP on port 8080, like the internal hop from Nginx' },
        { id: 'c', text: 'A database driver on port 5432' },
        { id: 'd', text: 'UDP on port 53' },
      ],
      answer: 'a',
      explanation:
        'The summary table\'s row is "App Server → 3rd Party: HTTPS, 443, REST/GraphQL (Stripe, Twilio)". The call leaves your network for the public internet, so it must be encrypted and authenticated (here with a secret key in the Authorization header). Port 8080 plain HTTP is only for the internal hop inside the VPC.',
      covers: [THIRD, `${CHAPTER}--summary-table`, `${CHAPTER}--key-points`],
    },
    {
      id: 'expose-vs-consume',
      type: 'single',
      prompt: 'Which sentence best describes "exposing" versus "consuming" an API?',
      options: [
        { id: 'a', text: 'Exposing: your app serves endpoints such as GET /api/profile and defines their contract. Consuming: your app calls someone else\'s API, such as payments, and has to handle its failures.' },
        { id: 'b', text: 'Exposing means using HTTP; consuming means using a database driver' },
        { id: 'c', text: 'Exposing is for GET requests; consuming is for POST requests' },
        { id: 'd', text: 'They are two names for the same thing' },
      ],
      answer: 'a',
      explanation:
        'The notes say the application "either exposes REST APIs to clients or consumes third-party APIs". Both use HTTPS and JSON; what differs is who owns the contract and who suffers the outages. As a provider you make your API predictable: clear status codes, versioning, and guidance on what is safe to retry. As a consumer you set timeouts, retry only what is safe, and plan a fallback.',
      covers: [THIRD, 'backend-returns-json-static-urls-frontend-renders--communication-mechanisms'],
    },
    {
      id: 'failure-modes-match',
      type: 'match',
      prompt: 'Match each payments API behaviour to what the app experiences.',
      pairs: [
        { left: 'Down (nothing listening on 443)', right: 'A TCP RST, "connection refused", after one round trip' },
        { left: 'Answers 503', right: 'An HTTP 503 with Retry-After, quickly' },
        { left: 'Slow', right: 'Silence until the app\'s own 2000 ms deadline runs out' },
        { left: 'Healthy', right: 'A 200 with JSON, about <Outcome link="preset=api-get" of="event:response(from=thirdparty,to=app).end" minus="event:request(from=app,to=thirdparty).t" /> after the call starts' },
      ],
      explanation:
        'A refused connection is fast and unambiguous: the request never arrived. A 503 is fast too, but the provider was reached. A slow provider is the expensive case: you pay the whole timeout on every attempt, and you can\'t tell whether the work was done. In every failure case, the app answers its own caller with 502 Bad Gateway.',
      covers: [THIRD],
    },
    {
      id: 'predict-refused',
      type: 'predict',
      prompt: 'The payments host refuses connections. Only the app retries (3 attempts), and caching is off. What status does the browser get?',
      link: 'thirdParty=down&cache=off&retryAt=thirdparty',
      ask: 'status',
      choices: ['502', '503', '504'],
      explanation:
        'The browser gets 502 Bad Gateway, from the app, after <Outcome link="thirdParty=down&cache=off&retryAt=thirdparty" of="latencyMs" format="ms" />. Each attempt is refused with a TCP RST within one 60 ms round trip, so three attempts fail quickly, and the app reports that an upstream it depends on broke. 504 would need someone\'s deadline to expire, and a refusal is immediate. 503 is what this app returns when its *database* fails.',
      covers: [THIRD],
    },
    {
      id: 'predict-post-no-key',
      type: 'predict',
      prompt: 'A POST creates a charge. The payments API answers 503. There is no Idempotency-Key, and retries are on at every layer by default. How many attempts does the browser make?',
      link: 'method=POST&thirdParty=error',
      ask: 'attempts',
      choices: ['1', '2', '3'],
      explanation:
        'The browser makes one attempt. After a 503, the charge might already have gone through, so without an idempotency key neither the app nor the browser retries the POST. The log says "no retry: not idempotent". Retrying it could charge the customer twice. Three attempts is the tempting answer, because that is the maximum, but the maximum only applies to requests that are safe to repeat.',
      covers: [BEST, THIRD],
    },
    {
      id: 'predict-post-with-key',
      type: 'predict',
      prompt: 'Same failing POST, but now the browser sends an Idempotency-Key. How many attempts does the browser make?',
      link: 'method=POST&thirdParty=error&idem=yes',
      ask: 'attempts',
      choices: ['1', '2', '3'],
      explanation:
        'The browser makes three attempts. With an idempotency key, a POST becomes safe to repeat (RFC 9110): a provider that honours the key returns the first result instead of charging again. So every layer retries, and the retries multiply. The browser tries 3 times, the app tries the provider 3 times for each, and the provider sees 9 calls with the same key. The app\'s transaction also ran 3 times, but only one order was committed: the app stores the key in the same transaction as the order, so each repeat finds it and writes nothing.',
      covers: [BEST, PATTERNS],
    },
    {
      id: 'safe-to-retry',
      type: 'multiple',
      prompt: 'Which of these failed calls are safe to retry automatically? Choose all that apply.',
      options: [
        { id: 'a', text: 'GET /v1/subscriptions/42 that timed out' },
        { id: 'b', text: 'POST /v1/charges that timed out, sent without an Idempotency-Key' },
        { id: 'c', text: 'POST /v1/charges that timed out, sent with an Idempotency-Key' },
        { id: 'd', text: 'POST /v1/charges whose TCP connection was refused' },
      ],
      answers: ['a', 'c', 'd'],
      explanation:
        'A GET only reads, so repeating it is harmless. A POST carrying an idempotency key is deduplicated by the provider. A refused connection proves the request was never delivered, so even a bare POST can be sent again. The dangerous case is (B): after a timeout the charge may have succeeded, and only the answer was lost. "Retry only idempotent operations" is the notes\' first best practice for exactly this reason.',
      covers: [BEST],
    },
    {
      id: 'slow-charge-with-key',
      type: 'single',
      prompt: 'A charge takes 3 s; the app gives up on each call after 2 s and retries it, forwarding the same Idempotency-Key. What does the payments provider do with the repeats?',
      options: [
        { id: 'a', text: 'It charges the card again for each repeat, because the first answer was never delivered' },
        { id: 'b', text: 'While the first charge is still running it answers 409 Conflict and charges nothing; once it has finished, a repeat gets the saved result. The card is charged once.' },
        { id: 'c', text: 'It cancels the first charge and runs the newest one instead' },
        { id: 'd', text: 'It ignores the key, because keys only apply to GET requests' },
      ],
      answer: 'b',
      explanation:
        'A provider that honours Idempotency-Key (Stripe does) records the key as soon as the first request starts. A concurrent repeat cannot start a second charge, so it gets 409 Conflict, which is safe to retry later; a repeat after the first has finished gets the saved response, marked as replayed. In the simulator the app gives up after its 409s and answers 502, but the first charge still completes, once, and a later retry with the same key (from the browser, say) gets that charge back instead of making another. Without the key, the naive retry makes three charges.',
      covers: [BEST, PATTERNS, THIRD],
    },
    {
      id: 'retry-after-wait',
      type: 'single',
      prompt: 'The payments API answers 503 with Retry-After: 1. The app\'s own full-jitter backoff would wait 89 ms, and its cap is 20 s. How long does the app wait before its next attempt?',
      options: [
        { id: 'a', text: '89 ms: a client\'s own backoff always wins' },
        { id: 'b', text: '1 s: it waits the longer of its backoff and the server\'s hint' },
        { id: 'c', text: '20 s: the cap' },
        { id: 'd', text: 'It does not retry: a Retry-After means "never"' },
      ],
      answer: 'b',
      explanation:
        'Retry-After on a 503 or 429 tells the client when the server expects to cope again (RFC 9110). The simulator\'s clients, like the AWS SDK\'s standard retry strategy, wait the longer of their computed backoff and the hint, so the app waits 1 s. A hint larger than the cap is cut to the cap, so a single header cannot park a client for hours. The browser treats the app\'s own 503 (Retry-After: 1) the same way.',
      covers: [PATTERNS, BEST],
    },
    {
      id: 'app-stores-key',
      type: 'single',
      prompt: 'The browser retries a POST three times with the same Idempotency-Key. How does the app make sure it commits only one order?',
      options: [
        { id: 'a', text: 'It forwards the key to the payments provider, which also deduplicates the app\'s database rows' },
        { id: 'b', text: 'It inserts the key in the same transaction as the order, under a unique constraint; a repeat finds the key (waiting if the first has not committed), writes nothing and resumes at the charge' },
        { id: 'c', text: 'It checks the key in memory on the pod that handled the first attempt' },
        { id: 'd', text: 'It relies on CloudFront to drop the repeats' },
      ],
      answer: 'b',
      explanation:
        'The provider can only deduplicate its own work, the charge. The app\'s rows need the app\'s own check, and the check must be atomic with the write: the key and the order commit together or not at all, and the unique index makes a concurrent repeat wait for the first transaction. An in-memory check fails as soon as a retry lands on another pod, and CloudFront forwards every POST to the origin.',
      covers: [BEST, PATTERNS],
    },
    {
      id: 'predict-error-cache',
      type: 'predict',
      prompt: 'Every setting is at its default, except that the payments API answers 503 to every call. The browser retries its GET. Which cache outcome does its final response carry?',
      link: 'thirdParty=error',
      ask: 'cache',
      choices: ['miss', 'bypass', 'error', 'hit'],
      explanation:
        'The final response carries "error". The first attempt misses the cache and reaches the app, which answers 502 after its own three tries. CloudFront caches that error response for 10 s by default, so the browser\'s second and third attempts get the same 502 from the edge (X-Cache: Error from cloudfront), without reaching the app. That protects the struggling provider, but a browser retry within those 10 s cannot succeed.',
      covers: [PATTERNS],
    },
    {
      id: 'circuit-breaker-fallback',
      type: 'single',
      prompt: 'The payments API has been failing for a minute. What do a circuit breaker and a fallback do together?',
      options: [
        { id: 'a', text: 'The breaker stops calling the provider for a while and fails fast; the fallback serves something useful instead, such as the profile without plan status' },
        { id: 'b', text: 'The breaker retries faster; the fallback switches the provider\'s DNS' },
        { id: 'c', text: 'The breaker closes the app\'s database pool; the fallback restarts the pods' },
        { id: 'd', text: 'They increase the timeout until the provider answers' },
      ],
      answer: 'a',
      explanation:
        'A circuit breaker "stops retries if a service is consistently failing". It rejects calls at once, so you stop paying a timeout on each one, and it lets a few trial calls through later to check whether the provider has recovered. The fallback decides what the user sees in the meantime. Retrying faster or waiting longer only adds load to the failing provider and latency for your users.',
      covers: [PATTERNS],
    },
  ],
};
