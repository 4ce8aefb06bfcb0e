import type { Quiz } from '@/lib/quiz/types';

const CHAPTER = 'full-communication-flow-with-waf-shield-ports-and-protocols';
const WEB_APP = `${CHAPTER}--2-web-server-application-server`;
const ADDITIONAL = 'backend-returns-json-static-urls-frontend-renders--additional-communication-details-ports-and-protocols';

export const quiz: Quiz = {
  lesson: 'reverse-proxy',
  questions: [
    {
      id: 'origin-path-order',
      type: 'order',
      prompt: 'A request has passed the WAF and missed the cache. Put the rest of its way to the app in order.',
      steps: [
        { id: 'edge-alb', text: 'CloudFront sends it to the ALB over HTTPS 443' },
        { id: 'listener', text: 'The ALB listener decrypts it, and the rule path /api/* picks target group api-tg' },
        { id: 'target', text: 'The ALB forwards plain HTTP to a healthy target on port 80' },
        { id: 'nginx', text: 'Nginx matches location /api/ and runs proxy_pass' },
        { id: 'app', text: 'The app\'s GET /api/profile handler runs, on port 8080' },
      ],
      explanation:
        'The edge hands the request to the ALB, the ALB\'s listener rule chooses a target group, and a healthy target (an Nginx pod) receives plain HTTP on 80. Nginx then opens its own connection to the app on 8080. At each hop, one proxy is the client of the next: that is the reverse-proxy pattern, with internal REST calls all the way to the app.',
      covers: [WEB_APP, ADDITIONAL, 'backend-returns-json-static-urls-frontend-renders--real-world-aws-example'],
    },
    {
      id: 'reverse-proxy-jobs',
      type: 'multiple',
      prompt: 'Which of these are typical jobs of a reverse proxy like Nginx in front of an app server? Choose all that apply.',
      options: [
        { id: 'a', text: 'Routing by path, for example /api/ to the app pods' },
        { id: 'b', text: 'Spreading requests over several app instances' },
        { id: 'c', text: 'Running the SQL queries for the app' },
        { id: 'd', text: 'Adding X-Forwarded-For so the app knows the client\'s address' },
        { id: 'e', text: 'Enforcing a timeout on how long to wait for the app' },
      ],
      answers: ['a', 'b', 'd', 'e'],
      explanation:
        'A reverse proxy stands at the door. It routes, balances, adds forwarding headers, buffers slow clients and enforces limits and timeouts (proxy_read_timeout is 60 s by default). Queries are the app\'s business logic: the app runs them through its database driver, and the proxy never sees the database.',
      covers: [WEB_APP],
    },
    {
      id: 'internal-rest',
      type: 'single',
      prompt: 'The notes say the web server and the app communicate "via internal REST APIs". What does Nginx actually send to the app?',
      options: [
        { id: 'a', text: 'An HTTP request (method, path, headers, body) on port 8080, handled by one of the app\'s REST routes' },
        { id: 'b', text: 'A SQL query on port 5432' },
        { id: 'c', text: 'The visitor\'s still-encrypted TLS records' },
        { id: 'd', text: 'A gRPC stream on port 443, always' },
      ],
      answer: 'a',
      explanation:
        'Nginx forwards the same HTTP request, GET /api/profile with the query string, plus forwarding headers, over plain HTTP to the app\'s port 8080. The summary table\'s row "Web Server → App Server: HTTP/HTTPS, 8080, REST (internal APIs)" describes exactly this. TLS ended at the ALB, so there is nothing still encrypted to pass on. SQL belongs to the app → database hop.',
      covers: [WEB_APP, `${CHAPTER}--summary-table`, `${CHAPTER}--key-points`],
    },
    {
      id: 'predict-no-app-deadline',
      type: 'predict',
      prompt: 'A query takes 40 s, the app has no timeout of its own (0), nobody retries, and caching is off. Whose answer does the browser get?',
      link: 'db=slow&dbDelay=40000&timeout=0&retryAt=none&cache=off',
      ask: 'answeredBy',
      choices: ['app', 'web', 'alb', 'edge'],
      explanation:
        'The CDN edge answers, with a 504. The deadlines from the outside in are CloudFront\'s origin response timeout (30 s), the ALB\'s idle timeout (60 s) and Nginx\'s proxy_read_timeout (60 s), and the shortest fires first. Each of CloudFront\'s tries is abandoned at 30 s, before the ALB\'s or Nginx\'s timer can run out. Because this is a GET, CloudFront tries the origin three times before it answers, so the 504 comes after about 90 s, and the app and the database run the slow query once per try, each to the end.',
      covers: [ADDITIONAL, 'error-handling-and-retries--error-codes-and-classification'],
    },
    {
      id: 'predict-app-deadline',
      type: 'predict',
      prompt: 'Same 40-second query, but now the app stops waiting after 2000 ms. Nobody retries, and caching is off. What status does the browser get?',
      link: 'db=slow&dbDelay=40000&retryAt=none&cache=off',
      ask: 'status',
      choices: ['200', '503', '504'],
      explanation:
        'The browser gets 503, from the app, after about <Outcome link="db=slow&dbDelay=40000&retryAt=none&cache=off" of="latencyMs" format="s" />. The app\'s deadline is now the shortest on the path, so the app writes the answer: a 503 with a JSON body and Retry-After. That beats a generic 504 from the edge, because the layer that knows what failed is the one answering. 504 would need a proxy\'s deadline to fire first, and the nearest one is 30 s away. The app stopped waiting, but the query itself still runs its full 40 s in the database.',
      covers: [WEB_APP, 'error-handling-and-retries--error-codes-and-classification'],
    },
    {
      id: 'cloudfront-retries-get',
      type: 'single',
      prompt: 'The app has no deadline, a GET /api/profile query takes 40 s, and CloudFront keeps its defaults (30 s response timeout, 3 connection attempts). What happens at the origin before the visitor sees a 504?',
      options: [
        { id: 'a', text: 'One try: CloudFront waits 30 s, then answers 504, and the query is cancelled' },
        { id: 'b', text: 'Three tries: after each 30 s timeout CloudFront sends the GET again, so the query starts three times and the 504 comes after about 90 s' },
        { id: 'c', text: 'Three tries, but only the first reaches the app; the others are answered from the cache' },
        { id: 'd', text: 'The ALB answers 504 after 60 s, because its timeout is the one that counts' },
      ],
      answer: 'b',
      explanation:
        'After an origin response timeout, CloudFront tries again for GET and HEAD, up to its connection attempts (3 by default); any other method gets one try. Every try is a fresh request to the ALB, Nginx and the app, so the database runs the slow query three times, and none of them is cancelled: a timeout abandons the answer, not the work. The ALB\'s 60 s never fires, because each try is dropped at 30 s. Caching is not involved here: nothing was stored.',
      covers: [ADDITIONAL, 'error-handling-and-retries--error-codes-and-classification'],
    },
    {
      id: 'predict-alb-fires-first',
      type: 'predict',
      prompt: 'A 70-second query, no app deadline, nobody retries, caching off. CloudFront\'s origin response timeout is raised to 120 s; the ALB\'s idle timeout and Nginx\'s proxy_read_timeout keep their 60 s. Whose answer does the browser get?',
      link: 'db=slow&dbDelay=70000&timeout=0&retryAt=none&cache=off&originTimeout=120',
      ask: 'answeredBy',
      choices: ['app', 'web', 'alb', 'edge'],
      explanation:
        'The ALB answers: with CloudFront waiting 120 s, the shortest deadline on the path is now the ALB\'s 60 s idle timeout (its timer started a moment before Nginx\'s). The 504 carries Server: awselb/2.0, and CloudFront passes it on with X-Cache: Error from cloudfront. The app never answers in time: its query runs to 70 s and its 200 goes to a closed connection. Set proxy_read_timeout lower than 60 s and Nginx would answer instead.',
      covers: [WEB_APP, ADDITIONAL, 'error-handling-and-retries--error-codes-and-classification'],
    },
    {
      id: 'post-504-but-committed',
      type: 'single',
      prompt: 'A POST places an order. The app has no deadline and the INSERT takes 40 s, so CloudFront answers 504 after its single 30 s try. What is true a minute later?',
      options: [
        { id: 'a', text: 'Nothing was written: the 504 means the request failed' },
        { id: 'b', text: 'The order is committed and the card is charged, although the visitor was told the request failed' },
        { id: 'c', text: 'CloudFront has sent the POST twice, so there are two orders' },
        { id: 'd', text: 'The ALB rolled the transaction back when it closed its connection' },
      ],
      answer: 'b',
      explanation:
        'When CloudFront gives up, it closes its connection, and the proxies close theirs, but the app\'s handler runs on. The INSERT finishes at 40 s and commits, the app charges the card, and its 201 goes to a closed connection that nobody reads. A timeout tells you only that someone stopped waiting. CloudFront does not send a POST twice (only GET and HEAD are retried after a timeout), and a proxy cannot roll back a database transaction. This is why retrying a POST needs an Idempotency-Key.',
      covers: [WEB_APP, 'error-handling-and-retries--error-codes-and-classification'],
    },
    {
      id: 'forwarding-headers-match',
      type: 'match',
      prompt: 'Match each header the proxies add to what it tells the app.',
      pairs: [
        { left: 'X-Forwarded-For', right: 'The visitor\'s IP address, then each proxy\'s along the way' },
        { left: 'X-Forwarded-Proto', right: 'That the visitor used https, although this hop is plain HTTP' },
        { left: 'X-Amzn-Trace-Id', right: 'An id the ALB adds, to follow one request through the logs' },
        { left: 'Via', right: 'Which CloudFront server handled the request' },
      ],
      explanation:
        'Behind a chain of proxies, the TCP connection the app sees comes from the last proxy, not from the visitor. Headers are how the truth gets passed along. Only trust X-Forwarded-For entries added by proxies you run, because a client can send the header with anything in it.',
      covers: [WEB_APP],
    },
    {
      id: 'status-at-proxy',
      type: 'single',
      prompt: 'Nginx\'s error log says "connect() failed (111: Connection refused) while connecting to upstream". Which status does the visitor most likely get?',
      options: [
        { id: 'a', text: '502 Bad Gateway' },
        { id: 'b', text: '504 Gateway Timeout' },
        { id: 'c', text: '403 Forbidden' },
        { id: 'd', text: '200 OK from the cache, always' },
      ],
      answer: 'a',
      explanation:
        'A refused connection means the upstream (the app on 8080) is not listening, perhaps because it crashed or is still starting. Nginx reports that as 502 Bad Gateway. 504 is for an upstream that accepted the connection but did not answer in time. 403 is a deliberate refusal, for example by the WAF. Knowing which layer writes which code is the first step in the notes\' error classification.',
      covers: ['error-handling-and-retries--error-codes-and-classification'],
    },
    {
      id: 'target-group',
      type: 'single',
      prompt: 'What is an ALB target group?',
      options: [
        { id: 'a', text: 'A set of registered targets (IP or instance and port) with a health check; the ALB sends each request to a healthy one' },
        { id: 'b', text: 'A security group that only allows port 443' },
        { id: 'c', text: 'A CloudFront cache behaviour for /api/*' },
        { id: 'd', text: 'The list of DNS servers for the domain' },
      ],
      answer: 'a',
      explanation:
        'A listener rule (path /api/*) forwards to a target group (api-tg), and the target group holds the actual destinations, here 10.0.21.23:80. Health checks keep failing targets out of rotation. In EKS, the AWS Load Balancer Controller registers nodes or pod IPs for you, which is the "ALB → Target Group → EKS Pods" part of the notes\' request flow.',
      covers: [ADDITIONAL, 'backend-returns-json-static-urls-frontend-renders--real-world-aws-example'],
    },
  ],
};
