import type { Quiz } from '@/lib/quiz/types';

const CHAPTER = 'full-communication-flow-with-waf-shield-ports-and-protocols';
const ADDITIONAL = 'backend-returns-json-static-urls-frontend-renders--additional-communication-details-ports-and-protocols';

export const quiz: Quiz = {
  lesson: 'ports-and-protocols',
  questions: [
    {
      id: 'db-ports-match',
      type: 'match',
      prompt: 'Match each database to its default port.',
      pairs: [
        { left: 'MySQL', right: '3306' },
        { left: 'PostgreSQL', right: '5432' },
        { left: 'MongoDB', right: '27017' },
        { left: 'Redis', right: '6379' },
        { left: 'Oracle Database', right: '1521' },
      ],
      explanation:
        'These are the standard ports from the notes\' table, and you will meet them in security-group rules, connection strings and firewall logs. You can change them, but then every client and every rule has to be told. A mistake people often make is to assume "the database port" is the same for every engine. If the security group allows 5432 but the engine is MySQL on 3306, the connection just times out.',
      covers: [CHAPTER, `${CHAPTER}--3-application-server-database`],
    },
    {
      id: 'ports-as-channels',
      type: 'single',
      prompt: 'Nginx (port 80) and the app server (port 8080) run on the same machine. A packet arrives for that machine\'s IP address. How does the operating system decide which program gets it?',
      options: [
        { id: 'a', text: 'By the destination port in the packet' },
        { id: 'b', text: 'By the URL path in the HTTP request' },
        { id: 'c', text: 'By the source port the client picked' },
        { id: 'd', text: 'It sends it to both, and the wrong one ignores it' },
      ],
      answer: 'a',
      explanation:
        'The destination port picks the program. That is why the notes call ports "the communication channels between services". The URL path is inside the HTTP request, and only a program that already has the data can read it: Nginx uses it to route, but the OS never looks at it. The source port is the client\'s temporary ephemeral port; it tells the OS where to send replies, not which program gets the data.',
      covers: [`${CHAPTER}--key-points`],
    },
    {
      id: 'app-port-8080',
      type: 'single',
      prompt: 'Why do app servers (Node.js, Flask under Gunicorn, Spring Boot) usually listen on 8080 or 8000 rather than 80?',
      options: [
        { id: 'a', text: 'Port 80 cannot carry JSON' },
        { id: 'b', text: 'Ports below 1024 need extra privilege on Linux, and a reverse proxy in front already owns the public ports' },
        { id: 'c', text: 'Port 8080 is encrypted by default' },
        { id: 'd', text: 'The ALB can only forward to ports above 8000' },
      ],
      answer: 'b',
      explanation:
        'Binding a port below 1024 needs root or CAP_NET_BIND_SERVICE, and you don\'t want the business logic running with that privilege. A reverse proxy (Nginx) faces the traffic and forwards to the app on 8080, 8000 or a custom port. A port number says nothing about encryption: 8080 is plain HTTP unless you add TLS. And the ALB can forward to any port, including 80, as it does to Nginx here.',
      covers: [`${CHAPTER}--2-web-server-application-server`],
    },
    {
      id: 'which-hops-rest',
      type: 'multiple',
      prompt: 'Which hops carry HTTP requests (REST or GraphQL)? Choose all that apply.',
      options: [
        { id: 'a', text: 'Browser → CloudFront edge, on 443' },
        { id: 'b', text: 'Nginx → app server, on 8080' },
        { id: 'c', text: 'App → RDS PostgreSQL, on 5432' },
        { id: 'd', text: 'App → payments API, on 443' },
        { id: 'e', text: 'Browser → Route 53, on 53' },
      ],
      answers: ['a', 'b', 'd'],
      explanation:
        'REST is used only between application-level HTTP services: the browser, the proxies, the app and public APIs like Stripe or Twilio. The database hop carries PostgreSQL\'s own wire protocol through a driver, not REST. DNS is its own protocol, usually over UDP.',
      covers: [
        `${CHAPTER}--key-points`,
        `${CHAPTER}--summary-table`,
        `${CHAPTER}--1-frontend-browser-client-web-server`,
        `${CHAPTER}--4-application-server-third-party-services`,
        'backend-returns-json-static-urls-frontend-renders--communication-mechanisms',
      ],
    },
    {
      id: 'inside-vpc-plain-http',
      type: 'single',
      prompt: 'In the simulator, the ALB forwards the request to Nginx. How does it travel?',
      options: [
        { id: 'a', text: 'HTTPS on 443, still encrypted with the visitor\'s TLS session' },
        { id: 'b', text: 'Plain HTTP on port 80, because TLS ended at the ALB' },
        { id: 'c', text: 'The PostgreSQL protocol on 5432' },
        { id: 'd', text: 'UDP on 53' },
      ],
      answer: 'b',
      explanation:
        'The ALB terminates TLS and forwards plain HTTP to its target group on port 80 (the notes: "ALB → Target Group via port 80/443"). The visitor\'s TLS session ended even earlier, at CloudFront. The edge → ALB hop is a second, separate TLS connection. That is why the notes\' "all traffic secured with TLS" is too strong: inside the VPC, traffic is plain unless you re-encrypt it, for example with an HTTPS target group.',
      covers: [ADDITIONAL],
    },
    {
      id: 'who-opens-8080',
      type: 'single',
      prompt: 'The notes list "Backend → Web Server (within EKS): HTTP (TCP 8080)". Which side opens the TCP connection on port 8080?',
      options: [
        { id: 'a', text: 'The web server (Nginx) connects to the backend, which listens on 8080' },
        { id: 'b', text: 'The backend connects to Nginx, which listens on 8080' },
        { id: 'c', text: 'The browser connects to 8080 directly' },
        { id: 'd', text: 'The database opens it so that it can push rows to the app' },
      ],
      answer: 'a',
      explanation:
        'A reverse proxy is the client of the app server. Nginx opens the connection to the app\'s port 8080 and sends the request, and the app sends its answer back on that same connection. The notes\' arrow points the other way, but the port belongs to the backend. The browser never reaches 8080: it only sees the edge on 443.',
      covers: [ADDITIONAL, `${CHAPTER}--2-web-server-application-server`],
    },
    {
      id: 'forwarded-proto',
      type: 'single',
      prompt: 'The app receives plain HTTP on 8080, yet it needs to build https:// links. How does it know the visitor used HTTPS?',
      options: [
        { id: 'a', text: 'It can\'t; every link must be relative' },
        { id: 'b', text: 'From the X-Forwarded-Proto: https header the ALB adds' },
        { id: 'c', text: 'From the port number 8080' },
        { id: 'd', text: 'From the database connection\'s TLS setting' },
      ],
      answer: 'b',
      explanation:
        'When a proxy terminates TLS, it records what the client originally used in headers such as X-Forwarded-Proto and X-Forwarded-Port. You can see them on the ALB → Nginx request in the simulator\'s inspector. Port 8080 only says where the app listens. It says nothing about what the visitor used.',
      covers: [ADDITIONAL],
    },
    {
      id: 'predict-waf-reads-https',
      type: 'predict',
      prompt: 'The browser sends ?q=\' OR 1=1-- inside an HTTPS request. The WAF is on. Whose answer does the browser get?',
      link: 'payload=sqli',
      ask: 'answeredBy',
      choices: ['waf', 'alb', 'app', 'db'],
      explanation:
        'The WAF answers, with 403. The payload was encrypted on the wire, but CloudFront ends the browser\'s TLS at the edge, and the WAF then reads the decrypted request and matches its SQL-injection rule. The request never reaches the cache, the ALB or the app. If TLS went straight through to the app, a WAF at the edge would only see ciphertext.',
      covers: [ADDITIONAL, `${CHAPTER}--1-frontend-browser-client-web-server`],
    },
  ],
};
