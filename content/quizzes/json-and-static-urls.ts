import type { Quiz } from '@/lib/quiz/types';

const C = 'backend-returns-json-static-urls-frontend-renders';

export const quiz: Quiz = {
  lesson: 'json-and-static-urls',
  questions: [
    {
      id: 'why-json-and-urls',
      type: 'single',
      prompt:
        'Your team is building a mobile app that needs the same profile data as the website. Why does "backend returns JSON plus static URLs" make this easy?',
      options: [
        { id: 'a', text: 'The backend sends data, not a page, so any client can render it its own way, and the images come from the CDN for both.' },
        { id: 'b', text: 'JSON is always smaller than HTML, so the mobile app needs no CDN.' },
        { id: 'c', text: 'The backend renders a separate HTML page for each client type.' },
        { id: 'd', text: 'Static URLs let the mobile app read the database directly.' },
      ],
      answer: 'a',
      explanation:
        'The backend returns dynamic data as JSON and only the addresses of static files. That separates data processing from presentation, so the web app and the mobile app share one API and each draws its own interface, while the static files are offloaded to CloudFront and S3. Rendering per client (C) is exactly what this pattern avoids, JSON size has nothing to do with whether you need a CDN (B), and no client ever talks to the database (D).',
      covers: [C, `${C}--concept-what`, `${C}--why-purpose-use-case`],
    },
    {
      id: 'detailed-flow-order',
      type: 'order',
      prompt: 'Put the steps of loading the profile page in the order the engine runs them.',
      steps: [
        { id: 'request', text: 'The browser sends GET /api/profile to the CloudFront edge over HTTPS' },
        { id: 'forward', text: 'The edge has no copy, so it forwards the request to the ALB' },
        { id: 'query', text: 'The app queries PostgreSQL over TCP 5432' },
        { id: 'json', text: 'The app answers with JSON: username, plan and the profile_pic URL' },
        { id: 'parse', text: 'The browser parses the JSON and finds /static/images/jagga.png' },
        { id: 'asset', text: 'The browser asks the same edge for the picture over the open connection' },
        { id: 'rendered', text: 'The page is complete: data from the API, the image from the CDN' },
      ],
      explanation:
        `Data first, then files. The static URL only exists once the JSON has arrived and been parsed, so the picture's request always comes after the API response. In the sandbox it leaves at <Outcome link="preset=api-get" of="event:request(from=browser,to=edge)#2.t" />, <Outcome link="preset=api-get" of="event:request(from=browser,to=edge)#2.t" minus="latencyMs" /> after the JSON arrived at <Outcome link="preset=api-get" of="latencyMs" />, and reuses the open connection to the edge, so there is no second handshake.`,
      covers: [`${C}--how-it-works-steps-flow`, `${C}--detailed-flow`],
    },
    {
      id: 'hops-and-ports',
      type: 'match',
      prompt: 'Match each hop in the sandbox to how it talks.',
      pairs: [
        { left: 'Browser → CloudFront edge', right: 'HTTPS on TCP 443, JSON payload' },
        { left: 'ALB → Nginx', right: 'Plain HTTP on TCP 80: TLS ended at the ALB' },
        { left: 'Nginx → app', right: 'HTTP on TCP 8080, an internal REST call' },
        { left: 'App → PostgreSQL', right: 'Native database protocol over TCP 5432, SQL via a driver' },
        { left: 'Browser → profile picture', right: 'HTTPS to a CDN URL, answered from the edge cache or S3' },
      ],
      explanation:
        "Frontend and backend talk REST or GraphQL over HTTPS on 443. Inside the VPC the ALB forwards to the target group's port (80 here) and Nginx proxies to the app on 8080. The database speaks its own protocol over TCP (5432 for PostgreSQL, 3306 for MySQL), never REST. Static assets are fetched by the browser from CDN URLs; the backend only wrote the address.",
      covers: [`${C}--communication-mechanisms`, `${C}--additional-communication-details-ports-and-protocols`],
    },
    {
      id: 'tls-termination',
      type: 'single',
      prompt: 'The notes say "all traffic is secured with a TLS handshake". What does the sandbox show for the hop from the ALB to Nginx?',
      options: [
        { id: 'a', text: 'HTTPS on 443, because every hop must be encrypted.' },
        { id: 'b', text: 'Plain HTTP on port 80: TLS terminated at the ALB, and the hop inside the VPC is not re-encrypted.' },
        { id: 'c', text: 'UDP on port 53.' },
        { id: 'd', text: 'A new TLS 1.3 handshake for every request.' },
      ],
      answer: 'b',
      explanation:
        'TLS usually terminates at CloudFront or the ALB. In the sandbox the ALB decrypts and forwards plain HTTP on port 80 to Nginx. That is a common choice inside a private network, not a law: if you need encryption everywhere, use an HTTPS target group and TLS to the database. UDP 53 is DNS, which, like HTTP/3 over QUIC, is another reason "everything starts with a TCP handshake" is not quite true.',
      covers: [`${C}--additional-communication-details-ports-and-protocols`],
    },
    {
      id: 'static-asset-answered-by',
      type: 'predict',
      prompt: 'The browser asks for /static/app.js and the edge has no copy yet. Who answers?',
      link: 'preset=static-asset',
      ask: 'answeredBy',
      choices: ['edge', 's3', 'app', 'alb'],
      explanation:
        "On a miss the edge fetches the file from its origin for /static/*, which is S3, and stores a copy. The ALB and the app are the origin for /api/* only, so they never see static files. The edge only answers by itself once it holds a copy (a hit): set What the edge holds to Fresh copy stored and it does.",
      covers: [`${C}--aws-architecture-example`, `${C}--best-practices-tips`],
    },
    {
      id: 'cached-api-response',
      type: 'predict',
      prompt: 'The origin marks the profile JSON "public, max-age=60" and the edge holds a fresh copy. Who answers the next GET /api/profile?',
      link: 'cache=fresh',
      ask: 'answeredBy',
      choices: ['edge', 'app', 'db'],
      explanation:
        "The edge has a fresh copy (Age 58 of 60 s), so it answers at once and the app never hears of it. That is the notes' trade-off: caching API responses improves performance but is risky for dynamic data. Every visitor near that edge gets the same copy, so a per-user profile must be marked private or no-store, or cached under a key that identifies the user.",
      covers: [`${C}--scenarios-trade-offs`],
    },
    {
      id: 'embedding-vs-url',
      type: 'single',
      prompt: 'Why does the backend return "profile_pic": "https://…/jagga.png" instead of embedding the image in the JSON as Base64?',
      options: [
        { id: 'a', text: 'Browsers cannot decode Base64.' },
        { id: 'b', text: 'Embedding makes every response about a third larger than the image and cannot be cached separately; a URL is tiny and the image is cached at the edge once for everyone.' },
        { id: 'c', text: 'JSON cannot contain strings longer than 2,048 bytes.' },
        { id: 'd', text: 'Embedding would need CORS, and URLs never do.' },
      ],
      answer: 'b',
      explanation:
        'Direct embedding increases the payload: Base64 is about 4/3 of the original size, and it rides along on every API response. With a URL the browser fetches the picture separately, usually as an edge cache hit. Browsers decode Base64 fine, JSON has no such length limit (the 2,048-byte limit you may remember is the WAF common rule set\'s query-string limit), and an <img> from a URL needs no CORS at all.',
      covers: [`${C}--scenarios-trade-offs`],
    },
    {
      id: 'issues-and-fixes',
      type: 'match',
      prompt: 'Match each common issue to its usual fix.',
      pairs: [
        { left: 'CORS error when the page on www calls api.example.com', right: 'Send Access-Control-Allow-Origin (and answer the preflight) from the backend or API Gateway' },
        { left: 'Profile pictures return 403 from S3 via CloudFront', right: 'Fix the bucket policy or Origin Access Control, check the key, or use signed URLs' },
        { left: 'The profile JSON takes seconds to download', right: 'Compress with gzip or brotli and paginate' },
        { left: 'The page breaks after a backend deploy renamed a field', right: 'Validate the response schema and version the API' },
      ],
      explanation:
        'CORS is enforced by the browser, so the fix is a header from the API. A 403 from S3 is a permissions problem, or a missing key, because S3 hides 404s from callers that may not list the bucket. Large payloads need compression and pagination. Rendering errors are a contract problem: validate the response format and add fields rather than renaming them behind a versioned path.',
      covers: [`${C}--common-issues-errors`, `${C}--troubleshooting-fixes`],
    },
    {
      id: 'gzip-where',
      type: 'single',
      prompt: 'You want the API\'s JSON compressed. The notes say "enable gzip at the ALB or Nginx layer". What is accurate?',
      options: [
        { id: 'a', text: 'Turn on the ALB\'s compression setting; it is the cheapest place.' },
        { id: 'b', text: 'The ALB has no compression setting; compress in Nginx (listing application/json and allowing proxied requests), in the app, or at CloudFront.' },
        { id: 'c', text: 'Compression must be done in the browser.' },
        { id: 'd', text: 'JSON cannot be compressed with gzip.' },
      ],
      answer: 'b',
      explanation:
        'An Application Load Balancer passes responses through without compressing them. Nginx compresses only text/html by default and skips proxied requests (CloudFront adds a Via header) unless gzip_proxied says otherwise, so list application/json and set gzip_proxied. CloudFront can also compress with gzip and brotli. The browser decompresses; it does not compress responses.',
      covers: [`${C}--troubleshooting-fixes`, `${C}--best-practices-tips`],
    },
    {
      id: 'real-world-flow',
      type: 'multiple',
      prompt: 'In the real-world setup (React on S3 + CloudFront, Node.js on EKS behind an ALB, RDS PostgreSQL, WAF + Shield), which statements are true? Select all that apply.',
      options: [
        { id: 'a', text: 'Shield inspects the first packets of the connection; the WAF reads the request only after TLS is decrypted at the edge.' },
        { id: 'b', text: 'With the AWS Load Balancer Controller in ip mode, the ALB can send straight to pod IPs behind a ClusterIP Service.' },
        { id: 'c', text: 'The backend downloads each image from S3 and sends it to the browser inside the JSON.' },
        { id: 'd', text: 'RDS sits in private subnets that only the app\'s security group can reach.' },
        { id: 'e', text: 'The browser must open a new TCP and TLS connection for every static file.' },
      ],
      answers: ['a', 'b', 'd'],
      explanation:
        'Shield works on packets and the WAF on decrypted requests, so "WAF + Shield" really means Shield first, then the WAF, then the cache (A). EKS Services are reached through a NodePort (instance mode) or directly at pod IPs (ip mode, b). RDS stays private behind the app\'s security group (D). The backend only returns URLs; the browser fetches the files (c is false), and in the sandbox it reuses its open connection to the edge rather than opening a new one (e is false).',
      covers: [`${C}--real-world-aws-example`, `${C}--aws-architecture-example`],
    },
    {
      id: 'predict-preflight',
      type: 'predict',
      prompt: 'The browser sends OPTIONS /api/profile, a CORS preflight. What status does the app\'s answer carry?',
      link: 'method=OPTIONS',
      ask: 'status',
      choices: ['200', '204', '403', '405'],
      explanation:
        'A preflight only asks what is allowed, so the app\'s CORS middleware answers 204 No Content with Access-Control-Allow-Origin, -Methods, -Headers and -Max-Age, and runs no query and no payments call: OPTIONS changes nothing. The browser then sends the real request if the headers allow it. 403 would be a refusal by the WAF or by a cache behaviour that does not allow the method; CloudFront forwards OPTIONS for /api/* and does not cache the answer unless you opt in.',
      covers: [`${C}--common-issues-errors`],
    },
  ],
};
