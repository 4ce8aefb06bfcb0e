import type { Quiz } from '@/lib/quiz/types';

const CHAPTER = 'full-communication-flow-with-waf-shield-ports-and-protocols';
const HANDSHAKE = `${CHAPTER}--7-tcp-handshake-applies-to-all-communication`;
const ADDITIONAL = 'backend-returns-json-static-urls-frontend-renders--additional-communication-details-ports-and-protocols';

export const quiz: Quiz = {
  lesson: 'tcp-and-tls-handshakes',
  questions: [
    {
      id: 'tcp-handshake-order',
      type: 'order',
      prompt: 'Put the TCP handshake in order.',
      steps: [
        { id: 'syn', text: 'SYN: the client asks to open a connection, with its starting sequence number' },
        { id: 'syn-ack', text: 'SYN-ACK: the server acknowledges and sends its own sequence number' },
        { id: 'ack', text: 'ACK: the client confirms the server\'s number' },
        { id: 'data', text: 'The connection is established and data exchange begins' },
      ],
      explanation:
        'SYN → SYN-ACK → ACK, then data. Each side learns the other\'s starting sequence number and knows its own was received, and that is what lets TCP put bytes back in order later. The client can send its first data right after the ACK, so the whole handshake costs one round trip.',
      covers: [HANDSHAKE],
    },
    {
      id: 'tls12-order',
      type: 'order',
      prompt: 'Put a full TLS 1.2 handshake in order. It runs after the TCP handshake.',
      steps: [
        { id: 'client-hello', text: 'Client: ClientHello' },
        { id: 'server-hello', text: 'Server: ServerHello, Certificate, ServerHelloDone' },
        { id: 'client-finished', text: 'Client: ClientKeyExchange, ChangeCipherSpec, Finished' },
        { id: 'server-finished', text: 'Server: ChangeCipherSpec, Finished' },
        { id: 'data', text: 'Encrypted application data (the HTTP request)' },
      ],
      explanation:
        'TLS 1.2 needs two round trips before encrypted data flows: hello and certificate, then key exchange and Finished in each direction. TLS 1.3 cuts this to one round trip, because the ClientHello already carries the client\'s key share and the server can answer with its certificate and Finished at once.',
      covers: [ADDITIONAL],
    },
    {
      id: 'transport-match',
      type: 'match',
      prompt: 'Match each kind of traffic to how its connection starts.',
      pairs: [
        { left: 'A DNS lookup', right: 'UDP: one packet out, one back, no handshake' },
        { left: 'HTTPS over HTTP/1.1 or HTTP/2', right: 'A TCP handshake, then a TLS handshake' },
        { left: 'HTTP/3', right: 'QUIC over UDP: transport and TLS 1.3 set up in one handshake' },
        { left: 'The app\'s first PostgreSQL connection to RDS', right: 'A TCP handshake, a request to switch to TLS, a TLS handshake, then the database\'s own login' },
      ],
      explanation:
        'The notes say all communication follows the TCP handshake. That is true for HTTPS over HTTP/1.1 and HTTP/2, and for database drivers. DNS usually uses UDP and skips it, and HTTP/3 replaces TCP with QUIC. A database login is the database\'s own protocol, not REST. PostgreSQL first asks the server to switch to TLS (an SSLRequest), and RDS for PostgreSQL 15 and later insists on it; the login then runs inside TLS.',
      covers: [HANDSHAKE, `${CHAPTER}--key-points`],
    },
    {
      id: 'tls12-vs-13-warm',
      type: 'single',
      prompt: 'With warm server-side connections, switching from TLS 1.3 to TLS 1.2 makes the default API call <Outcome link="tls=1.2" of="latencyMs" minus="latencyMs" minusLink="preset=api-get" /> slower (<Outcome link="preset=api-get" of="latencyMs" /> → <Outcome link="tls=1.2" of="latencyMs" />). Why only <Outcome link="tls=1.2" of="latencyMs" minus="latencyMs" minusLink="preset=api-get" />?',
      options: [
        { id: 'a', text: 'TLS 1.2 encrypts data more slowly' },
        { id: 'b', text: 'Only the browser → edge connection is new. TLS 1.2 adds one 20 ms round trip there, and every server-side connection is reused.' },
        { id: 'c', text: 'TLS 1.2 is only used inside the VPC' },
        { id: 'd', text: 'The database handshake gets slower' },
      ],
      answer: 'b',
      explanation:
        'A first-time visitor always opens a new connection to the edge, and that handshake is where the TLS version matters: one extra round trip of 20 ms. With cold server-side connections, TLS 1.2 also adds a round trip on every other TLS hop: edge → ALB (40 ms), app → payments (60 ms) and app → database (1 ms inside the VPC). Encryption speed after the handshake is not what this measures, and the database hop only matters when its connection is new.',
      covers: [ADDITIONAL],
    },
    {
      id: 'reuse-saves',
      type: 'multiple',
      prompt: 'What does reusing an open connection (keep-alive, or a connection pool) save? Choose all that apply.',
      options: [
        { id: 'a', text: 'The TCP handshake\'s round trip' },
        { id: 'b', text: 'The TLS handshake\'s one or two round trips' },
        { id: 'c', text: 'The database login and the server-side work of setting up a session' },
        { id: 'd', text: 'The time the database spends running the query' },
        { id: 'e', text: 'The 150 ms the payments provider spends on its work' },
      ],
      answers: ['a', 'b', 'c'],
      explanation:
        'A reused connection is already open, encrypted and logged in, so it skips the TCP handshake, the TLS handshake and, for databases, the login. That is the whole difference between the cold run and the warm one, and almost all of it sits on the two long hops. The work at the other end still takes as long as it takes: the query\'s time and the provider\'s 150 ms don\'t change. Pools save setup costs, not work.',
      covers: [HANDSHAKE],
    },
    {
      id: 'predict-syn-unanswered',
      type: 'predict',
      prompt: 'The database is down: its SYNs are never answered. The app waits at most 2000 ms per call, and nobody retries. Caching is off. What status does the browser get?',
      link: 'db=down&cache=off&retryAt=none',
      ask: 'status',
      choices: ['502', '503', '504'],
      explanation:
        'The browser gets 503. The handshake never completes, and the app\'s own 2 s deadline stops the wait. Without its data, the app answers 503 Service Unavailable with a JSON error, at about <Outcome link="db=down&cache=off&retryAt=none" of="latencyMs" format="s" />. 504 is tempting, but it would come from a proxy whose deadline ran out first. That happens if you set the app\'s timeout to 0: Linux would keep retrying the SYN for about 127 s, so CloudFront\'s 30 s origin response timeout fires first, and after three tries the edge answers 504.',
      covers: [HANDSHAKE],
    },
    {
      id: 'predict-no-app-deadline',
      type: 'predict',
      prompt: 'Same dead database, but now the app has no deadline (timeout 0 = wait forever). Whose answer does the browser get?',
      link: 'db=down&cache=off&retryAt=none&timeout=0',
      ask: 'answeredBy',
      choices: ['app', 'alb', 'edge', 'db'],
      explanation:
        'The edge answers, with a 504, but not after 30 s. The driver\'s SYN is never answered, and the kernel would keep retrying it for about 127 s. The ALB\'s and Nginx\'s 60 s timeouts are longer than CloudFront\'s 30 s origin response timeout, so CloudFront gives up first. Because this is a GET, it then tries the origin again, three tries in all, and each try sends the app knocking on the dead database once more: the 504 arrives after about 90 s. The app never gets to answer in time, which is why every outbound call needs a deadline of its own.',
      covers: [HANDSHAKE],
    },
    {
      id: 'cold-postgres-order',
      type: 'order',
      prompt: 'The app opens a new connection to RDS for PostgreSQL. Put what crosses the wire in order, up to the first query.',
      steps: [
        { id: 'tcp', text: 'TCP handshake on 5432: SYN, SYN-ACK, ACK' },
        { id: 'sslrequest', text: 'SSLRequest, answered with \'S\': the server agrees to TLS' },
        { id: 'tls', text: 'TLS handshake (one round trip with TLS 1.3)' },
        { id: 'startup', text: 'StartupMessage naming the user and database; the server asks for SCRAM-SHA-256' },
        { id: 'scram', text: 'The SCRAM exchanges: nonces, then proofs, ending in AuthenticationOk' },
        { id: 'query', text: 'The first query' },
      ],
      explanation:
        'PostgreSQL speaks its own protocol on top of TCP. The driver first asks to switch to TLS, which RDS for PostgreSQL 15 and later requires, then logs in inside TLS with SCRAM-SHA-256, so the password itself never crosses the wire. That is six round trips before the first query, each about 1 ms inside the VPC. A pool pays them once per connection, not once per request.',
      covers: [HANDSHAKE, ADDITIONAL],
    },
    {
      id: 'one-rtt-before-data',
      type: 'single',
      prompt: 'How long does the TCP handshake delay the first byte of data, on a hop with a 40 ms round trip?',
      options: [
        { id: 'a', text: 'About 40 ms: one round trip, since data can follow the ACK right away' },
        { id: 'b', text: 'About 60 ms: three one-way trips' },
        { id: 'c', text: 'About 120 ms: three round trips' },
        { id: 'd', text: 'Nothing: TCP sends data in the SYN' },
      ],
      answer: 'a',
      explanation:
        'SYN goes out, and SYN-ACK comes back one round trip later. The client sends its ACK and the first data together, so the data leaves after one round trip. On the edge → ALB hop that is 40 ms, and TLS then adds one (1.3) or two (1.2) more round trips. TCP Fast Open can put data in a SYN, but only on a repeat connection, and it is rarely used on the public internet.',
      covers: [HANDSHAKE, `${CHAPTER}--summary-table`],
    },
  ],
};
