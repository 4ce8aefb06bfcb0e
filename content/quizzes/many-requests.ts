import type { Quiz } from '@/lib/quiz/types';

const CDN = 'edge-caching-and-cdn-interaction';
const ERR = 'error-handling-and-retries';

const STORM = 'preset=retry-storm';
const HERD = 'preset=thundering-herd';
const STALE = 'preset=stale-if-error';
const STRICT = 'preset=stale-if-error&cacheControl=public, max-age=5, must-revalidate';

export const quiz: Quiz = {
  lesson: 'many-requests',
  questions: [
    {
      id: 'percentiles-not-mean',
      type: 'single',
      prompt: `In the thundering-herd run, the mean latency is <Outcome link="${HERD}" of="traffic:summary.latency.mean" />, the p50 <Outcome link="${HERD}" of="traffic:summary.latency.p50" /> and the p99 <Outcome link="${HERD}" of="traffic:summary.latency.p99" />. Which reading is right?`,
      options: [
        { id: 'a', text: 'A typical visit took about the mean.' },
        { id: 'b', text: 'Half the visits took under the p50, and one visit in a hundred took at least the p99; the mean describes no visit in particular.' },
        { id: 'c', text: 'The p99 means that 99 visits were slow.' },
        { id: 'd', text: 'The mean is the safest number to alarm on, because it includes every visit.' },
      ],
      answer: 'b',
      explanation:
        'Latency is a pile of fast answers (here, cache hits at the edge) and a long tail of slow ones. The p50 is the typical visit, the p99 the unlucky one in a hundred, and the mean sits between them, pulled up by the tail and down by the hits, describing neither (a). A p99 is a value, not a count (c). An alarm on the mean (d) can stay calm while one visit in a hundred waits seconds: watch p50 and p99.',
      covers: [`${ERR}--devops-vs-developer-responsibilities`, `${ERR}--real-world-aws-example`],
    },
    {
      id: 'hit-ratio-hides-errors',
      type: 'predict-traffic',
      prompt:
        'The origin answers 500 from 30 s to 50 s. Its `Cache-Control` allows stale copies after an error (`stale-if-error=600`). Change it to `must-revalidate`, so the edge may no longer serve an expired copy when the origin fails. What happens to the edge’s hit ratio over the run?',
      ask: 'change',
      link: STALE,
      changed: STRICT,
      of: 'traffic:summary.hitRatio',
      what: 'the edge’s hit ratio',
      choices: ['up', 'down', 'same'],
      explanation: `It does not move: <Outcome link="${STALE}" of="traffic:summary.hitRatio" /> in both runs. Errors are not cacheable requests, so they never count against the hit ratio (CloudFront says so of its CacheHitRate metric too). Meanwhile the share of visits that failed went from <Outcome link="${STALE}" of="traffic:summary.errorRate" /> to <Outcome link="${STRICT}" of="traffic:summary.errorRate" />. Only the 5xx error rate tells the two runs apart, so watch it beside the hit ratio.`,
      covers: [`${CDN}--best-practices-tips`, `${CDN}--devops-vs-developer-responsibilities`],
    },
    {
      id: 'must-revalidate-failures',
      type: 'predict-traffic',
      prompt: 'Same outage, with `must-revalidate`: the origin answers 500 for twenty seconds of a seventy-second run. What share of the visits get a 5xx?',
      ask: 'band',
      link: STRICT,
      of: 'traffic:summary.errorRate',
      what: 'the share of visits that get a 5xx',
      choices: ['0-0.01', '0.01-0.1', '0.1-0.5', '0.5-inf'],
      explanation: `<Outcome link="${STRICT}" of="traffic:summary.errorRate" /> of the visits failed, most of the ones that arrived during the outage: a hit on a fresh copy still succeeds, but every expired copy has to be revalidated, and the origin answers 500. During the worst second of the outage the error rate was <Outcome link="${STRICT}" of="traffic:series.max.errorRate" />, which a whole-run figure dilutes.`,
      covers: [`${CDN}--best-practices-tips`],
    },
    {
      id: 'storm-signals-order',
      type: 'order',
      prompt: 'The database slows down at 20 s, with the browser and the app both retrying. Put the storm’s signals in the order they first appear on the graphs.',
      steps: [
        { id: 'pool', text: 'Queries wait for a database connection' },
        { id: 'quiet', text: 'No visit is answered any more' },
        { id: 'retries', text: 'Retries pass ten a second' },
        { id: 'errors', text: 'The first 5xx answers go out' },
      ],
      explanation: `Waiters for a connection appear at <Outcome link="${STORM}" of="traffic:series.firstAbove(1).poolWaiting" format="s" />; a second later every visit is stuck inside its retries and nothing is answered; retries pass ten a second at <Outcome link="${STORM}" of="traffic:series.firstAbove(10).retriesPerS" format="s" />; the first 5xx only goes out at <Outcome link="${STORM}" of="traffic:series.firstAbove(0).errorRate" format="s" />, when visits that arrived after 20 s finally run out of tries. Saturation and retries lead; errors lag.`,
      covers: [`${ERR}--devops-vs-developer-responsibilities`, `${ERR}--best-practices-tips`],
    },
    {
      id: 'alarm-m-of-n',
      type: 'single',
      prompt: `An alarm watches CloudFront’s \`5xxErrorRate\`: period 60 s, threshold 5%, 2 datapoints out of 3 to alarm. In the retry storm, every 5xx goes out between <Outcome link="${STORM}" of="traffic:series.firstAbove(0).errorRate" format="s" /> and <Outcome link="${STORM}" of="traffic:series.lastAbove(0).errorRate" format="s" />. What does the alarm do?`,
      options: [
        { id: 'a', text: 'It goes to ALARM at the first 5xx.' },
        { id: 'b', text: 'It goes to ALARM after two minutes of errors.' },
        { id: 'c', text: 'It never goes to ALARM: only one of its one-minute datapoints breaches, and it needs two.' },
        { id: 'd', text: 'It goes to INSUFFICIENT_DATA because the errors are too short.' },
      ],
      answer: 'c',
      explanation:
        'An "M out of N" alarm needs M breaching datapoints among the last N. All the errors fall inside one minute, so only one datapoint breaches, and a 2-out-of-3 alarm stays OK (not A, nor B: there are no two bad minutes). INSUFFICIENT_DATA (D) means too little data, not short errors. An alarm on retries or on the database’s connections would have fired twenty seconds earlier.',
      covers: [`${ERR}--devops-vs-developer-responsibilities`, `${ERR}--real-world-aws-example`],
    },
    {
      id: 'retry-quota-errors',
      type: 'predict-traffic',
      prompt: 'In the retry storm, turn on the AWS SDK’s retry quota (`retryQuota=on`): each pod’s app stops retrying once its token bucket is empty. Does the share of visits that fail go up or down?',
      ask: 'change',
      link: STORM,
      changed: `${STORM}&retryQuota=on`,
      of: 'traffic:summary.errorRate',
      what: 'the share of visits that fail',
      choices: ['up', 'down', 'same'],
      explanation: `Up, from <Outcome link="${STORM}" of="traffic:summary.errorRate" /> to <Outcome link="${STORM}&retryQuota=on" of="traffic:summary.errorRate" />, and that is the quota working. The database gets <Outcome link="${STORM}&retryQuota=on" of="traffic:summary.calls.db" /> calls instead of <Outcome link="${STORM}" of="traffic:summary.calls.db" />, and the p99 falls from <Outcome link="${STORM}" of="traffic:summary.latency.p99" /> to <Outcome link="${STORM}&retryQuota=on" of="traffic:summary.latency.p99" />. Retries had been hiding failures as waiting; an error rate alone would have called the storm the better run.`,
      covers: [`${ERR}--best-practices-tips`, `${ERR}--devops-vs-developer-responsibilities`],
    },
    {
      id: 'devops-jobs',
      type: 'multiple',
      prompt: 'By the notes’ split, which of these are DevOps’ job rather than the developers’?',
      options: [
        { id: 'a', text: 'Setting an alarm on a high 5xx rate and on repeated retries' },
        { id: 'b', text: 'Choosing the `Cache-Control` header and TTL for the product API' },
        { id: 'c', text: 'Watching the distribution’s cache hit ratio, latency and errors in CloudWatch' },
        { id: 'd', text: 'Wrapping the payments client in a circuit breaker with a fallback' },
        { id: 'e', text: 'Keeping the origins reachable and the WAF, Shield and TLS settings maintained' },
      ],
      answers: ['a', 'c', 'e'],
      explanation:
        'Developers decide how the system behaves: what is cached and for how long (b), and the retry, breaker and fallback logic (d). DevOps run the platform and watch it: alarms (a), metrics and logs (c), the distribution, its origins and the security at the edge (e), and they bring the developers in when an error persists.',
      covers: [`${CDN}--devops-vs-developer-responsibilities`, `${ERR}--devops-vs-developer-responsibilities`],
    },
    {
      id: 'retry-metric',
      type: 'single',
      prompt: 'You want a CloudWatch graph of your app’s retries against the database. Where does it come from?',
      options: [
        { id: 'a', text: 'RDS publishes a retry count for every instance.' },
        { id: 'b', text: 'The ALB’s HTTPCode_Target_5XX_Count already counts them.' },
        { id: 'c', text: 'Your app publishes it: a custom metric, or retry lines in its logs that a metric filter counts.' },
        { id: 'd', text: 'CloudFront’s TotalErrorRate includes them.' },
      ],
      answer: 'c',
      explanation:
        'No AWS service sees your app’s retries: they happen inside the app, so the app has to count them, as a custom metric or as log lines a metric filter turns into one. That is the notes’ "log all failures and retries", done so a graph and an alarm can be built on it. A retry that succeeds produces no 5xx at all (B, D), and RDS only sees queries (A).',
      covers: [`${ERR}--best-practices-tips`, `${ERR}--real-world-aws-example`],
    },
    {
      id: 'edge-absorbs-load',
      type: 'predict-traffic',
      prompt:
        'In the herd run, five hundred visits a second ask four edge locations for two thousand product pages. Before the invalidation, with the caches warm, about how many requests a second reach the origin?',
      ask: 'band',
      link: HERD,
      of: 'traffic:series[20-30].mean.originRps',
      what: 'the origin’s requests a second',
      choices: ['0-20', '20-150', '150-400', '400-inf'],
      explanation: `About <Outcome link="${HERD}" of="traffic:series[20-30].mean.originRps" format="whole" /> a second: the edges answer the rest from their caches. That is the point of edge caching, offloading the origin and absorbing traffic. When the invalidation empties the caches, the origin briefly takes <Outcome link="${HERD}" of="traffic:series[30-60].max.originRps" /> a second, which is why the hit ratio has to be watched with the origin’s load beside it.`,
      covers: [`${CDN}--why-purpose`, `${CDN}--best-practices-tips`],
    },
  ],
};
