import type { Quiz } from '@/lib/quiz/types';

const CHAPTER = 'full-communication-flow-with-waf-shield-ports-and-protocols';

export const quiz: Quiz = {
  lesson: 'journey-of-a-request',
  questions: [
    {
      id: 'request-flow-order',
      type: 'order',
      prompt: 'Put the real-world request flow in order, from the click to the data.',
      steps: [
        { id: 'browser', text: 'The browser starts the request' },
        { id: 'dns', text: 'DNS resolves the site to a CloudFront edge location' },
        { id: 'shield-waf', text: 'Shield checks the packets and the WAF checks the HTTP request, at the edge' },
        { id: 'alb', text: "The ALB's listener rule matches /api/*" },
        { id: 'tg', text: 'The request goes to a target in the target group' },
        { id: 'pods', text: 'An EKS pod runs the handler' },
        { id: 'rds', text: 'The pod queries RDS through its driver' },
      ],
      explanation:
        'The notes\' flow is Browser → DNS Resolution (CloudFront) → WAF + Shield → ALB → Target Group → EKS Pods → RDS DB. DNS has to come first: until it answers, the browser does not know which address to connect to. Shield and WAF sit at the edge, in front of the ALB, so an attack is stopped before it costs the origin anything. The database comes last, and only the pods ever talk to it.',
      covers: [CHAPTER, 'backend-returns-json-static-urls-frontend-renders--real-world-aws-example'],
    },
    {
      id: 'predict-fresh-copy',
      type: 'predict',
      prompt: 'The edge already holds a fresh copy of /api/profile. Whose answer does the browser get?',
      link: 'cache=fresh',
      ask: 'answeredBy',
      choices: ['edge', 'alb', 'app', 'db'],
      explanation:
        'The CDN edge answers. A request stops at the first layer that can answer it, and a fresh cached copy is enough, so the origin never hears of the request. The status is still 200, but it arrives in <Outcome link="cache=fresh" of="latencyMs" /> instead of <Outcome link="preset=api-get" of="latencyMs" />. "The app answers" is tempting because the data was *made* by the app, but that happened earlier, when the copy was stored.',
      covers: [CHAPTER, 'backend-returns-json-static-urls-frontend-renders--real-world-aws-example'],
    },
    {
      id: 'predict-static-origin',
      type: 'predict',
      prompt: 'The browser asks for the static file /static/app.js and the edge has no copy yet. Whose answer does the browser get?',
      link: 'kind=static',
      ask: 'answeredBy',
      choices: ['s3', 'alb', 'app', 'edge'],
      explanation:
        'S3 answers, through the edge. On a miss, the edge fetches static files from the S3 bucket over HTTPS 443, and it keeps a copy for the next visitor. The ALB and the app pods are not involved. That is the point of the notes\' architecture: the React frontend lives on S3 + CloudFront, and only API calls reach EKS.',
      covers: ['backend-returns-json-static-urls-frontend-renders--aws-architecture-example', `${CHAPTER}--1-frontend-browser-client-web-server`],
    },
    {
      id: 'summary-table-match',
      type: 'match',
      prompt: 'Match each layer of the summary table to how it communicates.',
      pairs: [
        { left: 'Browser → Web Server', right: 'HTTP/HTTPS on 80/443, REST for static and dynamic content' },
        { left: 'Web Server → App Server', right: 'HTTP on 8080, internal REST APIs' },
        { left: 'App Server → Database', right: 'TCP on 3306/5432, SQL through a driver' },
        { left: 'App Server → 3rd Party', right: 'HTTPS on 443, REST or GraphQL (Stripe, Twilio)' },
        { left: 'Any → Any', right: 'TCP three-way handshake, SYN → SYN-ACK → ACK' },
      ],
      explanation:
        'Only the database row is not HTTP. A database speaks its own protocol over TCP, so the app reaches it through a driver (JDBC, psycopg2, an ORM), not REST. Every other hop carries HTTP requests. The last row is different in kind: it is not a hop at all, but how each new TCP connection opens on any of them.',
      covers: [`${CHAPTER}--summary-table`],
    },
    {
      id: 'slowest-hop',
      type: 'single',
      prompt: 'In the default run (nothing cached, warm server-side connections), which part of the <Outcome link="preset=api-get" of="latencyMs" /> takes the longest?',
      options: [
        { id: 'a', text: 'DNS resolution' },
        { id: 'b', text: 'The TCP and TLS handshakes with the edge' },
        { id: 'c', text: 'The database query' },
        { id: 'd', text: 'The call to the payments API' },
      ],
      answer: 'd',
      explanation:
        'The payments call takes about <Outcome link="preset=api-get" of="event:response(from=thirdparty,to=app).end" minus="event:request(from=app,to=thirdparty).t" />: a 60 ms round trip plus 150 ms of work at the provider. That is more than half of the total. DNS takes <Outcome link="preset=api-get" of="event:dns-answer.end" />, the two handshakes <Outcome link="preset=api-get" of="event:request(from=browser,to=edge).t" minus="event:tcp-syn.t" /> together, and the query only <Outcome link="preset=api-get" of="event:db-result(from=db,to=db).durationMs" />. A slow dependency at the far end of the path shapes the whole latency, and that is why later lessons care so much about its timeouts.',
      covers: [CHAPTER],
    },
    {
      id: 'eks-service',
      type: 'single',
      prompt: 'In "CloudFront → ALB → EKS Service (NodePort/ClusterIP) → Pods → RDS", what does the EKS Service step do?',
      options: [
        { id: 'a', text: 'It caches API responses so the pods do less work' },
        { id: 'b', text: 'It is Kubernetes routing traffic to healthy pods, through a NodePort on the nodes or straight to pod IPs' },
        { id: 'c', text: 'It terminates the visitor\'s TLS connection' },
        { id: 'd', text: 'It pools database connections for the pods' },
      ],
      answer: 'b',
      explanation:
        'A Kubernetes Service gives a stable way to reach a changing set of pods. With instance targets, the ALB sends traffic to a NodePort on each node, and Kubernetes forwards it to a pod. With IP targets, the ALB sends it to the pod IPs directly. The Service does not cache anything (that is CloudFront\'s job) and does not end TLS (the edge and the ALB do). Pooling database connections is the driver\'s job.',
      covers: ['backend-returns-json-static-urls-frontend-renders--aws-architecture-example'],
    },
    {
      id: 'security-layers-match',
      type: 'match',
      prompt: 'Match each security layer to what it is and where it works.',
      pairs: [
        { left: 'AWS Shield', right: 'DDoS protection at layers 3/4 (SYN and UDP floods), inline at the edge' },
        { left: 'AWS WAF', right: 'Layer-7 rules on HTTP requests (SQLi, XSS, bots)' },
        { left: 'Security group', right: 'Stateful allow-list on an instance or ENI' },
        { left: 'Network ACL', right: 'Stateless allow/deny rules on a whole subnet' },
      ],
      explanation:
        'The four layers look at different things. Shield sees packets, the WAF sees HTTP requests, and security groups and network ACLs see connections to your own machines and subnets. "Stateful" means a security group lets reply traffic back out automatically. A NACL is stateless, so reply traffic needs its own rule, on the ephemeral ports.',
      covers: [`${CHAPTER}--6-security-layers-defense-stack`],
    },
    {
      id: 'key-points-accurate',
      type: 'multiple',
      prompt: 'Which of these statements about the path are accurate? Choose all that apply.',
      options: [
        { id: 'a', text: 'The port number tells the receiving machine which program should get the data' },
        { id: 'b', text: 'The app talks to RDS through a REST API on port 443' },
        { id: 'c', text: 'DNS lookups usually go over UDP, without a TCP handshake' },
        { id: 'd', text: 'A new HTTPS connection needs a TCP handshake and then a TLS handshake' },
        { id: 'e', text: 'Shield Standard inspects HTTP bodies for SQL injection' },
      ],
      answers: ['a', 'c', 'd'],
      explanation:
        'Ports are the channels between services, so (A) is right. DNS uses UDP with no handshake (C), and for HTTPS a TLS handshake follows the TCP one (D). These two refine the notes\' "all communication follows the TCP handshake". The app reaches RDS through a driver over TCP on the database\'s port, not over REST (b is wrong). Looking for SQL injection in HTTP requests is the WAF\'s job at layer 7; Shield Standard works at layers 3 and 4 (e is wrong).',
      covers: [`${CHAPTER}--key-points`],
    },
  ],
};
