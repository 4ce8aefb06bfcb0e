import type { Quiz } from '@/lib/quiz/types';

const FLOW = 'full-communication-flow-with-waf-shield-ports-and-protocols';

export const quiz: Quiz = {
  lesson: 'capstone-incidents',
  questions: [
    {
      id: 'db-down-stale-status',
      type: 'predict',
      prompt: 'Incident 1: the database is down and the edge holds a copy that expired 15 s ago. What status does the visitor get?',
      link: 'cache=stale&db=down',
      ask: 'status',
      choices: ['200', '502', '503', '504'],
      explanation:
        'The app retries the database, times out three times and answers 503, but CloudFront holds an expired copy and, since the header forbids nothing (no must-revalidate, no stale-if-error window), serves it when the origin returns a 5xx. The visitor gets a 200 with stale data, after about <Outcome link="cache=stale&db=down" of="latencyMs" format="s" />. A 503 would reach the visitor only with no copy, or if the copy said must-revalidate; a 504 needs the edge itself to give up on the origin.',
      covers: [FLOW, 'edge-caching-and-cdn-interaction--real-world-aws-example', 'error-handling-and-retries--real-world-aws-example'],
    },
    {
      id: 'incident-1-order',
      type: 'order',
      prompt: 'Put the events of incident 1 (database down, stale copy at the edge) in order.',
      steps: [
        { id: 'waf', text: 'The WAF allows the GET at the edge' },
        { id: 'stale', text: 'The edge finds its copy stale and asks the origin with If-None-Match' },
        { id: 'timeouts', text: 'The app times out on the database three times, with jittered waits between' },
        { id: '503', text: 'The app answers 503 through Nginx and the ALB' },
        { id: 'serve-stale', text: 'The edge serves its stale copy to the browser with a 200' },
        { id: 'render', text: 'The browser renders the JSON and fetches the picture from the edge' },
      ],
      explanation:
        'The WAF runs before the cache. A stale copy triggers revalidation, so the request reaches the app, whose retries take about <Outcome link="cache=stale&db=down" of="event:response(from=app).t" format="s" /> to fail. Only when the origin has answered with an error does CloudFront fall back to the stale copy. The page then renders normally, picture included, because the static file is still cached at the edge.',
      covers: ['backend-returns-json-static-urls-frontend-renders--real-world-aws-example', 'edge-caching-and-cdn-interaction--real-world-aws-example'],
    },
    {
      id: 'hidden-outage',
      type: 'single',
      prompt: 'During incident 1, viewers receive 200s. Which CloudWatch signal shows the outage most directly?',
      options: [
        { id: 'a', text: "CloudFront's 5xxErrorRate, which jumps to 100%" },
        { id: 'b', text: "The ALB's HTTPCode_Target_5XX_Count, because the app is answering 503 to every origin request" },
        { id: 'c', text: "AWS WAF's BlockedRequests" },
        { id: 'd', text: 'None: nothing is wrong while stale copies are served' },
      ],
      answer: 'b',
      explanation:
        "CloudFront turns the origin's 503 into a 200 with the stale copy, so its viewer error rate barely moves, and the WAF is not involved. The origin's failures show at the ALB (target 5xx count) and in the app's logs. That is why DevOps alarm on origin metrics as well as edge metrics: a stale cache can hide an outage until the copies expire.",
      covers: ['error-handling-and-retries--devops-vs-developer-responsibilities', 'edge-caching-and-cdn-interaction--common-issues-errors'],
    },
    {
      id: 'payments-down-answered-by',
      type: 'predict',
      prompt: 'Incident 2: the payments API refuses connections and caching is disabled. Who answers the browser?',
      link: 'preset=third-party-down',
      ask: 'answeredBy',
      choices: ['thirdparty', 'app', 'alb', 'edge'],
      explanation:
        'The app is the one answering the browser: after three refused connection attempts it returns 502 Bad Gateway, meaning "an upstream I depend on failed". The payments provider never talks to the browser, and with caching disabled the edge only forwards. The ALB would produce its own 5xx only if the target itself failed.',
      covers: [`${FLOW}--4-application-server-third-party-services`, 'error-handling-and-retries--error-codes-and-classification'],
    },
    {
      id: 'slow-worse-than-down',
      type: 'single',
      prompt: 'With caching disabled, "payments down" fails in <Outcome link="preset=third-party-down" of="latencyMs" format="s" /> but "payments slow" fails in <Outcome link="preset=third-party-down&thirdParty=slow" of="latencyMs" format="s" />. Why is the slow dependency worse?',
      options: [
        { id: 'a', text: 'A refused connection comes back at once as a TCP reset; a slow one costs the full 2 s timeout per attempt, for 9 attempts, while holding threads and connections.' },
        { id: 'b', text: 'Slow responses are cached by CloudFront for 10 s.' },
        { id: 'c', text: 'The WAF inspects slow responses twice.' },
        { id: 'd', text: 'A slow API is never retried.' },
      ],
      answer: 'a',
      explanation:
        'Connection refused costs one round trip (60 ms to the provider). Slowness costs the app its whole timeout on every attempt, three app attempts for each of three browser attempts, and every waiting request ties up resources. That is why timeouts, circuit breakers and bulkheads exist: they make a slow dependency fail as quickly as a dead one.',
      covers: [`${FLOW}--4-application-server-third-party-services`, 'error-handling-and-retries--real-world-aws-example'],
    },
    {
      id: 'probe-cached-url',
      type: 'predict',
      prompt: "Incident 3: the edge holds a fresh copy of /api/profile, and a probe sends ' OR 1=1-- in the query string with the WAF on. What status does the probe get?",
      link: 'preset=sqli-blocked&cache=fresh',
      ask: 'status',
      choices: ['200', '304', '403'],
      explanation:
        'AWS WAF runs at the edge before the cache lookup, so the SQLi rule blocks the request with 403 before the cache is consulted, and a blocked request never reaches the cache or the origin. A 200 would need the WAF in Count mode or off, and a 304 only happens between the edge and the origin during revalidation.',
      covers: [`${FLOW}--6-security-layers-defense-stack`],
    },
    {
      id: 'slow-db-cache',
      type: 'predict',
      prompt: 'Incident 4: the query takes 4 s, the app times out at 2 s, every layer retries, and the edge may cache the response. On the final attempt, what does the outcome report for the cache?',
      link: 'preset=db-timeout',
      ask: 'cache',
      choices: ['miss', 'stale', 'error', 'bypass'],
      explanation:
        "The first browser attempt reaches the app, which fails three queries and answers 503. CloudFront caches that error for 10 s, so the browser's second and third attempts get it from the edge: error. The database sees three slow queries instead of nine. Nothing was stale (the edge held no good copy), and nothing was bypassed (caching is allowed).",
      covers: ['error-handling-and-retries--error-codes-and-classification', 'error-handling-and-retries--real-world-aws-example'],
    },
    {
      id: 'no-timeout',
      type: 'predict',
      prompt: 'Incident 4 again, but the app timeout per downstream call is set to 0 (wait forever). What status does the visitor get?',
      link: 'db=slow&timeout=0',
      ask: 'status',
      choices: ['200', '503', '504'],
      explanation:
        `With no timeout the app simply waits for the 4 s query and answers 200, after about <Outcome link="db=slow&timeout=0" of="latencyMs" format="s" />. A 2 s timeout guaranteed failure because every attempt was slower than it. But waiting forever is not the fix: each waiting request holds one of the pool's 10 connections, and a query slower than CloudFront's 30 s origin response timeout would turn into a 504 from the edge, after CloudFront had tried the GET three times and the database had started the query three times. Fix the query, and set the timeout just above the healthy worst case.`,
      covers: ['error-handling-and-retries--devops-vs-developer-responsibilities', 'error-handling-and-retries--real-world-aws-example'],
    },
    {
      id: 'cold-connections',
      type: 'single',
      prompt: 'Incident 5: after a deploy, every server-side connection is cold and a request takes <Outcome link="conn=cold" of="latencyMs" /> instead of <Outcome link="preset=api-get" of="latencyMs" />. Where do most of the extra <Outcome link="conn=cold" of="latencyMs" minus="latencyMs" minusLink="preset=api-get" /> go?',
      options: [
        { id: 'a', text: 'The handshakes inside the VPC (ALB → Nginx → app → database, including the database\'s TLS and login)' },
        { id: 'b', text: 'TCP and TLS to the payments API (about 120 ms) and from the edge to the ALB (about 80 ms)' },
        { id: 'c', text: 'DNS, because the resolver cache was cleared by the deploy' },
        { id: 'd', text: 'The WAF, which re-reads its rules after a deploy' },
      ],
      answer: 'b',
      explanation:
        'Every connection pays a TCP handshake (SYN, SYN-ACK, ACK) before data, and HTTPS adds a TLS 1.3 round trip. On the long links that adds up: 2 × 60 ms to the payments API and 2 × 40 ms from the edge to the ALB. Inside the VPC a round trip is about 1 ms, so those handshakes, even the database\'s TLS and SCRAM login, cost only a few milliseconds. Warm pools, keep-alive and a gentle ramp for new targets keep the first users after a deploy from paying this.',
      covers: [`${FLOW}--7-tcp-handshake-applies-to-all-communication`, FLOW],
    },
  ],
};
