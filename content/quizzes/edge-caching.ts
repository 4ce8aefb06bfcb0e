import type { Quiz } from '@/lib/quiz/types';

const C = 'edge-caching-and-cdn-interaction';

export const quiz: Quiz = {
  lesson: 'edge-caching',
  questions: [
    {
      id: 'why-hit-is-fast',
      type: 'single',
      prompt: 'The edge holds a fresh copy of /api/profile. Compared with a miss, what does a hit save?',
      options: [
        { id: 'a', text: 'Only the DNS lookup.' },
        { id: 'b', text: 'The trip to the origin and everything behind it: the ALB, the app, the database and the payments API never see the request.' },
        { id: 'c', text: 'The TLS handshake between the browser and the edge.' },
        { id: 'd', text: 'Nothing; the edge still asks the origin on every request.' },
      ],
      answer: 'b',
      explanation:
        'A hit is answered at the edge location, close to the user. In the sandbox it takes <Outcome link="cache=fresh" of="latencyMs" /> instead of <Outcome link="preset=api-get" of="latencyMs" />, and the origin is never contacted, which is how edge caching offloads the origin and absorbs traffic spikes. The browser still resolves DNS and opens TCP and TLS to the edge either way. Asking the origin every time is what no-cache (revalidation) does, not a fresh hit.',
      covers: [C, `${C}--concept-what`, `${C}--why-purpose`],
    },
    {
      id: 'revalidation-order',
      type: 'order',
      prompt: 'The edge holds a copy that expired 15 s ago and the data has not changed. Put the steps in order.',
      steps: [
        { id: 'waf', text: 'The WAF allows the request' },
        { id: 'stale', text: 'The edge finds its copy stale (Age 75 > TTL 60)' },
        { id: 'inm', text: 'The edge forwards the request with If-None-Match: "profile-v1"' },
        { id: '304', text: 'The origin answers 304 Not Modified, with no body' },
        { id: 'serve', text: 'The edge marks its copy fresh again and serves it (RefreshHit)' },
      ],
      explanation:
        'The WAF runs before the cache lookup. A stale copy is not discarded: the edge revalidates it with the ETag it saved. A 304 carries no body, so only headers cross the backbone, and the stored copy is fresh for another TTL. Had the data changed, the origin would answer 200 with a new body and ETag instead.',
      covers: [`${C}--how-it-works-flow`, `${C}--key-concepts`],
    },
    {
      id: 'stale-revalidate-cache',
      type: 'predict',
      prompt: 'The edge holds a stale copy and the origin data has not changed. What does the outcome report for the cache?',
      link: 'preset=stale-revalidate',
      ask: 'cache',
      choices: ['hit', 'miss', 'stale', 'revalidated'],
      explanation:
        'The copy is past its TTL, so it cannot be a plain hit, and the edge still has it, so it is not a miss. The origin confirms it with 304 Not Modified and the edge serves it: revalidated (RefreshHit). "Stale" is what you get when the edge serves the expired copy without a successful check, as with stale-while-revalidate or when the origin fails.',
      covers: [`${C}--key-concepts`],
    },
    {
      id: 'swr-cache',
      type: 'predict',
      prompt: 'Same stale copy, but the origin sent "public, max-age=60, stale-while-revalidate=60". What does the outcome report for the cache?',
      link: 'cache=stale&cacheControl=public,%20max-age=60,%20stale-while-revalidate=60',
      ask: 'cache',
      choices: ['hit', 'stale', 'revalidated', 'miss'],
      explanation:
        'The copy is 75 s old: 15 s past its 60 s, inside the 60 s stale-while-revalidate window. The edge serves the stale copy at once (<Outcome link="cache=stale&cacheControl=public,%20max-age=60,%20stale-while-revalidate=60" of="latencyMs" />) and revalidates in the background, so the visitor gets "stale", not "revalidated". The background 304 makes the copy fresh for the next visitor.',
      covers: [`${C}--key-concepts`, `${C}--trade-offs-scenarios`],
    },
    {
      id: 'directives-match',
      type: 'match',
      prompt: 'Match each Cache-Control directive to what it tells a cache.',
      pairs: [
        { left: 'no-store', right: 'Never store it' },
        { left: 'no-cache', right: 'Store it, but check with the origin before every reuse' },
        { left: 'private', right: "Only the user's own browser may store it" },
        { left: 's-maxage=300', right: 'Shared caches keep it fresh for 300 s, overriding max-age' },
        { left: 'must-revalidate', right: 'Never serve it stale; 504 if the origin cannot be reached' },
        { left: 'stale-while-revalidate=60', right: 'Serve it stale for up to 60 s while refreshing in the background' },
        { left: 'stale-if-error=300', right: 'If the origin fails, serve it stale for up to 300 s past expiry, and no longer' },
      ],
      explanation:
        'The classic confusion is no-cache versus no-store: no-cache still stores, it just revalidates every time. private keeps personal responses out of CDNs. s-maxage is the CDN-specific lifetime and wins over max-age there. must-revalidate and stale-while-revalidate pull in opposite directions: one forbids stale answers, the other asks for them while a refresh runs. stale-if-error allows them only when the origin fails, and only within its window.',
      covers: [`${C}--key-concepts`],
    },
    {
      id: 'default-ttl',
      type: 'single',
      prompt: 'Your API forgets to send any Cache-Control header, and the distribution uses the default cache policy TTLs (0 / 86400 / 31536000). How long does the edge keep a response?',
      options: [
        { id: 'a', text: 'Not at all: no header means no caching.' },
        { id: 'b', text: '60 seconds.' },
        { id: 'c', text: '86,400 s (one day): DefaultTTL applies when there is no caching header.' },
        { id: 'd', text: '31,536,000 s (one year): MaxTTL.' },
      ],
      answer: 'c',
      explanation:
        'With no caching header, CloudFront uses the cache policy\'s DefaultTTL, 86,400 s by default. That surprises teams whose API "does not cache". MaxTTL only caps a header value that is too large, such as max-age=999999999, which is stored for 31,536,000 s. If you want no caching, say no-store (and keep MinTTL at 0) or use a caching-disabled policy.',
      covers: [`${C}--key-concepts`, `${C}--common-issues-errors`],
    },
    {
      id: 'min-ttl-private',
      type: 'single',
      prompt: 'The cache policy has MinTTL = 30, and the profile response says "Cache-Control: private". What does CloudFront do?',
      options: [
        { id: 'a', text: 'It does not store it, because private always wins.' },
        { id: 'b', text: 'It stores it for 30 s: with MinTTL above 0, even no-cache, no-store and private responses are cached for MinTTL.' },
        { id: 'c', text: 'It stores it for DefaultTTL.' },
        { id: 'd', text: 'It rejects the response with a 502.' },
      ],
      answer: 'b',
      explanation:
        'With MinTTL greater than 0, CloudFront clamps every header to at least MinTTL, and that includes no-cache, no-store and private. The sandbox shows "MinTTL=30 overrides no-store/private/no-cache". For personal data that is a leak, so keep MinTTL at 0 on any behaviour that serves private responses.',
      covers: [`${C}--key-concepts`, `${C}--devops-vs-developer-responsibilities`],
    },
    {
      id: 'stale-when-db-down',
      type: 'predict',
      prompt: 'The edge holds a stale copy of the profile and the database is down. What status does the browser get?',
      link: 'cache=stale&db=down',
      ask: 'status',
      choices: ['200', '503', '504'],
      explanation:
        'The app times out on the database three times and answers 503, but CloudFront holds an expired copy. The header says neither must-revalidate nor stale-if-error, so CloudFront\'s documented default applies: when the origin returns a 5xx, it serves the stale copy instead. The visitor gets a 200 with old data, after about <Outcome link="cache=stale&db=down" of="latencyMs" format="s" />. You would get the 503 if the copy said must-revalidate, or stale-if-error with a window the copy has already outlived (stale-if-error=5 here, for a copy 15 s past expiry), and a 504 from the edge if the origin could not be reached at all and the copy could not be served stale.',
      covers: [`${C}--how-it-works-flow`, `${C}--best-practices-tips`],
    },
    {
      id: 'invalidation-paths',
      type: 'single',
      prompt: 'You updated /images/jagga.png. Which invalidation clears it?',
      options: [
        { id: 'a', text: '/Images/Jagga.png, because paths are case-insensitive.' },
        { id: 'b', text: '/images/*, or the exact path /images/jagga.png; the first 1,000 paths each month are free.' },
        { id: 'c', text: '/*/jagga.png, because a wildcard may appear anywhere.' },
        { id: 'd', text: 'None: CloudFront cannot remove a copy before its TTL.' },
      ],
      answer: 'b',
      explanation:
        'Invalidation paths are exact or end in a * wildcard, and they are case-sensitive, so /Images/Jagga.png misses the object and a wildcard in the middle is not allowed. The first 1,000 paths a month are free. Invalidation reaches every edge after a while, so for static files, versioned file names are often the better habit: the next request simply uses a new URL.',
      covers: [`${C}--key-concepts`, `${C}--real-world-aws-example`, `${C}--best-practices-tips`],
    },
    {
      id: 'lambda-edge-prefetch',
      type: 'single',
      prompt: 'Users in a new region keep getting cache misses for popular URLs. The notes suggest "use Lambda@Edge to prefetch". What is accurate?',
      options: [
        { id: 'a', text: 'A Lambda@Edge function can push objects into every edge location at once.' },
        { id: 'b', text: 'Edge functions run per request and do not warm other edges; send real requests through the edges, or enable Origin Shield so edges share a regional cache.' },
        { id: 'c', text: 'Lower the TTL so the cache fills faster.' },
        { id: 'd', text: 'Set MinTTL to 0.' },
      ],
      answer: 'b',
      explanation:
        'Lambda@Edge and CloudFront Functions act on the one request passing through them; they cannot fill other locations\' caches. Warming means requesting the URLs through the edges your users hit, or putting Origin Shield in front of the origin so a miss at one edge becomes a hit in the shared regional layer. A lower TTL gives fewer hits, not more, and MinTTL has nothing to do with warming. Also check the cache key: needless cookies, headers or query strings cause misses too.',
      covers: [`${C}--common-issues-errors`, `${C}--key-concepts`],
    },
    {
      id: 'origin-failover',
      type: 'multiple',
      prompt: 'You add a CloudFront origin group with a primary and a secondary origin. Which statements are true? Select all that apply.',
      options: [
        { id: 'a', text: 'Failover can be triggered by status codes you choose, such as 500, 502, 503 or 504, or by a connection failure or timeout.' },
        { id: 'b', text: 'A failed POST is retried on the secondary.' },
        { id: 'c', text: 'Every request tries the primary first.' },
        { id: 'd', text: 'With the defaults (3 connection attempts of 10 s), an unreachable primary can add up to 30 s before failover.' },
        { id: 'e', text: 'Once failover happens, all later requests go to the secondary until you switch back.' },
      ],
      answers: ['a', 'c', 'd'],
      explanation:
        'Origin groups fail over on chosen status codes or connection failures and timeouts (A), but only for GET, HEAD and OPTIONS, so a POST is not retried (b is false). Failover is decided per request: every request tries the primary first (C), so it never stays flipped (e is false), and with default settings an unreachable primary can cost 3 × 10 s on each request (D). Tune those timeouts down.',
      covers: [`${C}--best-practices-tips`],
    },
    {
      id: 'who-does-what',
      type: 'multiple',
      prompt: 'Which of these are the developer\'s responsibility rather than DevOps\'? Select all that apply.',
      options: [
        { id: 'a', text: 'Choosing Cache-Control headers and TTLs for each response' },
        { id: 'b', text: 'Making sure personal, dynamic responses bypass the cache or are marked private' },
        { id: 'c', text: 'Monitoring the cache hit ratio and 5xx error rate in CloudWatch' },
        { id: 'd', text: 'Keeping the origins (S3, the ALB) reachable from CloudFront' },
        { id: 'e', text: 'Deciding which paths to invalidate after a release' },
      ],
      answers: ['a', 'b', 'e'],
      explanation:
        'Developers decide what is cached and for how long: headers, TTLs, invalidations, and keeping dynamic content out of shared caches. DevOps deploy and maintain the distribution, keep the origins reachable, watch CloudWatch metrics and logs, maintain WAF, Shield and TLS, and troubleshoot problems at the distribution level. The hit ratio is watched by DevOps, but fixing a poor one often needs the developers\' headers.',
      covers: [`${C}--devops-vs-developer-responsibilities`],
    },
    {
      id: 'short-ttl-hit-ratio',
      type: 'single',
      prompt: 'One URL at one edge gets a request every 10 s on average. The hit ratio is λT / (1 + λT). What happens if you cut its TTL from 60 s to 5 s?',
      options: [
        { id: 'a', text: 'The hit ratio drops from about 86% to about 33%, so the origin sees many more requests.' },
        { id: 'b', text: 'Nothing: the hit ratio does not depend on the TTL.' },
        { id: 'c', text: 'The hit ratio rises, because copies are fresher.' },
        { id: 'd', text: 'Every request becomes a miss.' },
      ],
      answer: 'a',
      explanation:
        'With λ = 0.1 per second, λT is 6 for a 60 s TTL (6/7 ≈ 86%) and 0.5 for 5 s (0.5/1.5 ≈ 33%). That is the "very short TTL" trade-off: more origin requests and less caching benefit. A long TTL risks stale content instead, which is why shared API data often uses a short TTL plus stale-while-revalidate, and versioned static files use a very long one.',
      covers: [`${C}--trade-offs-scenarios`],
    },
    {
      id: 'herd-origin-shield',
      type: 'predict-traffic',
      prompt:
        'Five hundred visitors a second, four edge locations, one origin pod. At 30 s every product page is invalidated, and each edge location misses them all at once. Turn on Origin Shield (`originShield=yes`). What happens to the number of requests that reach the origin?',
      ask: 'change',
      link: 'preset=thundering-herd',
      changed: 'preset=thundering-herd&originShield=yes',
      of: 'traffic:summary.originRequests',
      what: 'requests to the origin',
      choices: ['up', 'down', 'same'],
      explanation: `Down, from <Outcome link="preset=thundering-herd" of="traffic:summary.originRequests" /> to <Outcome link="preset=thundering-herd&originShield=yes" of="traffic:summary.originRequests" />. Without Origin Shield, each edge location fetches every page its visitors ask for from the origin; with it, the four edge locations ask one regional cache first, which collapses their requests into one per page. The herd's worst second at the origin drops from <Outcome link="preset=thundering-herd" of="traffic:series[30-60].max.originRps" /> to <Outcome link="preset=thundering-herd&originShield=yes" of="traffic:series[30-60].max.originRps" /> requests. It is also the right answer to the notes' "pre-warm the cache": one shared tier fills once for every edge location.`,
      covers: [`${C}--common-issues-errors`, `${C}--key-concepts`],
    },
    {
      id: 'short-ttl-origin-load',
      type: 'predict-traffic',
      prompt: 'Fifty visitors a second ask for a thousand product pages, some far more popular than others. The origin sends `Cache-Control: public, max-age=600`. Change it to `max-age=5`. What happens to the requests that reach the origin?',
      ask: 'change',
      link: 'mode=traffic&duration=120&warmup=20&cacheControl=public, max-age=600',
      changed: 'mode=traffic&duration=120&warmup=20&cacheControl=public, max-age=5',
      of: 'traffic:summary.originRequests',
      what: 'requests to the origin',
      choices: ['up', 'down', 'same'],
      explanation: `Up, from <Outcome link="mode=traffic&duration=120&warmup=20&cacheControl=public, max-age=600" of="traffic:summary.originRequests" /> to <Outcome link="mode=traffic&duration=120&warmup=20&cacheControl=public, max-age=5" of="traffic:summary.originRequests" />, as the hit ratio falls from <Outcome link="mode=traffic&duration=120&warmup=20&cacheControl=public, max-age=600" of="traffic:summary.hitRatio" /> to <Outcome link="mode=traffic&duration=120&warmup=20&cacheControl=public, max-age=5" of="traffic:summary.hitRatio" />. Even popular pages expire every five seconds and must be fetched again: the notes' "very short TTL" row, measured.`,
      covers: [`${C}--trade-offs-scenarios`],
    },
    {
      id: 'failover-instead-of-stale',
      type: 'predict-traffic',
      prompt:
        'The origin answers 500 from 30 s to 50 s, and its `Cache-Control` says `must-revalidate`, so the edge may not serve expired copies. Now add a CloudFront origin group with a standby origin (`originGroup=yes`). What happens to the share of visits that fail?',
      ask: 'change',
      link: 'preset=stale-if-error&cacheControl=public, max-age=5, must-revalidate',
      changed: 'preset=stale-if-error&cacheControl=public, max-age=5, must-revalidate&originGroup=yes',
      of: 'traffic:summary.errorRate',
      what: 'the share of visits that fail',
      choices: ['up', 'down', 'same'],
      explanation: `Down, from <Outcome link="preset=stale-if-error&cacheControl=public, max-age=5, must-revalidate" of="traffic:summary.errorRate" /> to <Outcome link="preset=stale-if-error&cacheControl=public, max-age=5, must-revalidate&originGroup=yes" of="traffic:summary.errorRate" />. Each 500 from the primary sends the GET on to the standby, which answers (<Outcome link="preset=stale-if-error&cacheControl=public, max-age=5, must-revalidate&originGroup=yes" of="traffic:summary.cdn.failovers" /> failovers in this run). That is the notes' "use origin failover (CloudFront origin groups)": it keeps answers fresh where stale copies are not allowed, for GET, HEAD and OPTIONS.`,
      covers: [`${C}--best-practices-tips`],
    },
    {
      id: 'stale-if-error-failures',
      type: 'predict-traffic',
      prompt:
        'Same outage, but the origin’s `Cache-Control` is `public, max-age=5, stale-if-error=600`: copies expire after 5 s, yet may be served for ten minutes when the origin fails. What share of the visits fail?',
      ask: 'band',
      link: 'preset=stale-if-error',
      of: 'traffic:summary.errorRate',
      what: 'the share of visits that fail',
      choices: ['0-0.01', '0.01-0.1', '0.1-0.5', '0.5-inf'],
      explanation: `Only <Outcome link="preset=stale-if-error" of="traffic:summary.errorRate" />: the edge answers from its expired copies while the origin fails, and only requests for a page it has never stored get the 500. The origin’s own header decided this, which is why choosing \`Cache-Control\` is part of designing for failure, not only for speed.`,
      covers: [`${C}--key-concepts`, `${C}--why-purpose`],
    },
  ],
};
