import type { Quiz } from '@/lib/quiz/types';

const CHAPTER = 'full-communication-flow-with-waf-shield-ports-and-protocols';
const APP_DB = `${CHAPTER}--3-application-server-database`;
const RDS = `${CHAPTER}--5-app-server-web-server-database-aws-rds`;
const ERRORS = 'error-handling-and-retries--error-codes-and-classification';

export const quiz: Quiz = {
  lesson: 'app-to-database',
  questions: [
    {
      id: 'how-app-reaches-rds',
      type: 'single',
      prompt: 'How does the app pod send a query to its RDS PostgreSQL database?',
      options: [
        { id: 'a', text: 'Through a driver that opens a TCP connection to the private endpoint on 5432, logs in with database credentials and sends SQL' },
        { id: 'b', text: 'Through a REST API on the RDS endpoint, on port 443' },
        { id: 'c', text: 'Through the AWS SDK, which turns each query into an HTTPS call' },
        { id: 'd', text: 'Through the ALB, which forwards SQL to the database' },
      ],
      answer: 'a',
      explanation:
        'Databases speak their own protocol over TCP, so the app uses a driver (psycopg2, JDBC, or node-postgres under Sequelize or TypeORM). It connects to the private endpoint on the database port, authenticates with database credentials and runs SQL. REST and the ALB belong to the HTTP hops. The AWS SDK manages RDS instances, but it does not carry your queries.',
      covers: [
        APP_DB,
        RDS,
        `${CHAPTER}--key-points`,
        'backend-returns-json-static-urls-frontend-renders--communication-mechanisms',
        'backend-returns-json-static-urls-frontend-renders--additional-communication-details-ports-and-protocols',
      ],
    },
    {
      id: 'drivers-match',
      type: 'match',
      prompt: 'Match each library to what it is.',
      pairs: [
        { left: 'mysql.connector', right: 'Python driver for MySQL (port 3306)' },
        { left: 'psycopg2', right: 'Python driver for PostgreSQL (port 5432)' },
        { left: 'JDBC', right: 'Java\'s standard database API; each database ships a driver for it' },
        { left: 'Sequelize', right: 'Node.js ORM on top of drivers such as pg or mysql2' },
        { left: 'TypeORM', right: 'TypeScript ORM, also on top of those drivers' },
      ],
      explanation:
        'The notes list these as examples of "database drivers/libraries". Drivers speak a database\'s wire protocol. JDBC is an API that many drivers implement. ORMs such as Sequelize and TypeORM write SQL for you but still use a driver underneath. In every case the result is a TCP connection to the database port, and never a REST call.',
      covers: [APP_DB],
    },
    {
      id: 'rds-network',
      type: 'multiple',
      prompt: 'Which statements about the RDS instance in this architecture are true? Choose all that apply.',
      options: [
        { id: 'a', text: 'Its endpoint resolves to a private IP address in the VPC' },
        { id: 'b', text: 'Its security group allows the database port only from the app\'s security group' },
        { id: 'c', text: 'Its security group needs an outbound rule for every reply, because security groups are stateless' },
        { id: 'd', text: 'Authentication uses database credentials (or an IAM auth token as the password), not REST' },
        { id: 'e', text: 'Visitors\' browsers connect to it directly on 5432 for read-only queries' },
      ],
      answers: ['a', 'b', 'd'],
      explanation:
        'RDS sits in a private subnet with a private endpoint, and its security group admits TCP 5432 only from the app\'s security group. Security groups are stateful, so replies are allowed automatically (c is wrong). It is the network ACL, the stateless subnet-level filter, that needs rules for the replies\' ephemeral ports. Browsers never reach the database: only the app does.',
      covers: [RDS, `${CHAPTER}--6-security-layers-defense-stack`],
    },
    {
      id: 'sdk-pooling-accuracy',
      type: 'single',
      prompt: 'The notes say "SDKs handle connection pooling and retries automatically". What is accurate for RDS?',
      options: [
        { id: 'a', text: 'The AWS SDK pools SQL connections and retries failed queries' },
        { id: 'b', text: 'Pooling comes from the driver or a pool library (HikariCP, pg Pool) or RDS Proxy; the AWS SDK only retries AWS API calls, never SQL' },
        { id: 'c', text: 'Nothing pools database connections; every request opens a new one' },
        { id: 'd', text: 'RDS retries deadlocked transactions on the server by itself' },
      ],
      answer: 'b',
      explanation:
        'The AWS SDK talks to AWS\'s management APIs over HTTPS, and its retries (3 attempts in standard mode) apply to those calls. SQL goes through your driver, and pooling lives there, in a pool library, or in RDS Proxy. Retrying a deadlocked transaction is up to your code. The database rolls the transaction back, but it does not run it again for you.',
      covers: [RDS],
    },
    {
      id: 'hikari-connection-timeout',
      type: 'single',
      prompt: 'HikariCP runs with its defaults: maximumPoolSize 10, connectionTimeout 30 s. All 10 connections are busy with slow queries. What happens to the 11th request that needs one?',
      options: [
        { id: 'a', text: 'It opens an 11th connection straight away' },
        { id: 'b', text: 'It waits up to 30 s for a connection to be returned, then gets an exception' },
        { id: 'c', text: 'Its query is sent down one of the busy connections at the same time' },
        { id: 'd', text: 'It gets a cached result from the pool' },
      ],
      answer: 'b',
      explanation:
        'The pool never grows past maximumPoolSize. A borrower waits up to connectionTimeout (30 s by default) for a connection to come back, then fails. That is 30 s of waiting before any query has even run. A slow database therefore exhausts the pool, and requests pile up behind it. This is why the query timeout, the pool wait and the proxies\' timeouts all have to fit together.',
      covers: [RDS, ERRORS],
    },
    {
      id: 'predict-deadlock-retried',
      type: 'predict',
      prompt: 'A POST runs a write transaction; PostgreSQL detects a deadlock on the first try and rolls it back. The app retries database work (the default). What status does the browser get?',
      link: 'db=deadlock&method=POST',
      ask: 'status',
      choices: ['201', '500', '503'],
      explanation:
        'The browser gets 201 Created. PostgreSQL reports 40P01 after its 1 s deadlock_timeout and rolls back the whole transaction. The app waits a jittered moment and runs the whole transaction again, and this time it succeeds (<Outcome link="db=deadlock&method=POST" of="latencyMs" format="ms" /> in all). Deadlocks are the textbook case for retrying, even for a write: the rollback proves nothing was half-done. Without the app\'s retry, the answer would be a 503.',
      covers: [ERRORS, APP_DB],
    },
    {
      id: 'predict-deadlock-no-retry',
      type: 'predict',
      prompt: 'Same deadlocked POST, but nobody retries anything. What status does the browser get?',
      link: 'db=deadlock&method=POST&retryAt=none',
      ask: 'status',
      choices: ['200', '403', '503'],
      explanation:
        'The browser gets 503. The transaction was rolled back, nothing tried it again, and the app cannot answer without its data, so it returns 503 Service Unavailable with a JSON error. 403 would mean a deliberate refusal, such as the WAF\'s. A deadlock is transient, so a single retry of the whole transaction would have turned this into a 201.',
      covers: [ERRORS],
    },
    {
      id: 'predict-sqli-bound',
      type: 'predict',
      prompt: 'The WAF is off, and the search box sends \' OR 1=1-- to the app, which uses a bound parameter ($1). What status does the browser get?',
      link: 'payload=sqli&waf=off',
      ask: 'status',
      choices: ['200', '403', '500'],
      explanation:
        'The browser gets 200, an ordinary answer. The statement was parsed as SELECT … WHERE id = $1 before the value arrived, so \' OR 1=1-- could only ever be a value to compare against, never SQL. 403 would need the WAF, which is off here. 500 is what a broken, string-concatenated query might produce. Bound parameters make injection harmless even when nothing in front catches it.',
      covers: [APP_DB],
    },
    {
      id: 'deadlock-vs-lock-wait',
      type: 'single',
      prompt: 'MySQL returns error 1213 (deadlock) in the middle of a three-statement transaction. What should the app retry?',
      options: [
        { id: 'a', text: 'Only the statement that failed' },
        { id: 'b', text: 'The whole transaction, from the beginning' },
        { id: 'c', text: 'Nothing: a deadlock is permanent' },
        { id: 'd', text: 'The TCP handshake' },
      ],
      answer: 'b',
      explanation:
        'A deadlock (MySQL 1213, PostgreSQL 40P01) rolls back the entire transaction, so the earlier statements are gone too. Retry the whole unit. MySQL\'s lock wait timeout (1205) is the case where, by default, only the statement is rolled back, and so is Oracle\'s deadlock error ORA-00060. That difference is easy to get wrong, and getting it wrong leads to a half-applied transaction.',
      covers: [ERRORS, RDS],
    },
    {
      id: 'oracle-deadlock-rollback',
      type: 'single',
      prompt: 'Oracle reports ORA-00060 (deadlock detected) in the middle of a write transaction. What must the app do before it runs the transaction again?',
      options: [
        { id: 'a', text: 'Nothing: Oracle has already rolled the whole transaction back, as PostgreSQL does' },
        { id: 'b', text: 'Send ROLLBACK: Oracle undid only the statement, and the transaction is still open, holding its locks' },
        { id: 'c', text: 'Re-send only the statement that failed, inside the same transaction' },
        { id: 'd', text: 'Open a new TCP connection, because the old one was closed' },
      ],
      answer: 'b',
      explanation:
        'ORA-00060 rolls back only the statement that detected the deadlock. The earlier statements of the transaction, and their locks, are still there until the app rolls back, which is what the simulator\'s app does before its retry. Re-sending the one statement would meet the same locks again. PostgreSQL (40P01) and MySQL (1213) roll back the whole transaction themselves, and MongoDB aborts it with a TransientTransactionError that its driver retries.',
      covers: [ERRORS, APP_DB],
    },
    {
      id: 'predict-mongodb-conflict',
      type: 'predict',
      prompt: 'The database is MongoDB, and the POST\'s multi-document transaction hits a write conflict on its first try. Nobody retries anything (retries off at every layer). What status does the browser get?',
      link: 'preset=deadlock&dbms=mongodb&retryAt=none',
      ask: 'status',
      choices: ['201', '409', '503'],
      explanation:
        'The browser gets 201 Created. MongoDB does not wait for locks: the conflicting transaction is aborted at once with the TransientTransactionError label, and the driver\'s withTransaction helper runs the whole transaction again by itself, whatever the app\'s own retry settings say. With PostgreSQL and retries off, the same scenario ends in a 503. 409 is an HTTP status a server might choose for a conflict, but here the conflict never leaves the driver.',
      covers: [ERRORS, APP_DB],
    },
    {
      id: 'timed-out-insert',
      type: 'single',
      prompt: 'A POST\'s INSERT takes 4 s. The app stops waiting at 2 s, does not retry (no Idempotency-Key), and answers 503. What does the orders table hold 5 s after the click?',
      options: [
        { id: 'a', text: 'No new row: the app gave up, so the INSERT was cancelled' },
        { id: 'b', text: 'The new order: the INSERT ran to the end and committed at about 4 s, although the visitor was told it failed' },
        { id: 'c', text: 'Two new rows, because the browser sent the POST again' },
        { id: 'd', text: 'A half-written row that needs manual cleanup' },
      ],
      answer: 'b',
      explanation:
        'A client-side timeout abandons the answer, not the work. PostgreSQL\'s statement_timeout is off by default, so the INSERT runs to the end and commits; its result is sent to nobody. That is exactly why the app does not retry a timed-out INSERT without a key: a retry would add a second order. Nobody retried here, and a transaction commits whole or not at all, so there is no half-written row. A server-side statement_timeout, or an idempotency key stored with the order, closes the gap.',
      covers: [ERRORS, RDS],
    },
    {
      id: 'bigger-pool-slow-db',
      type: 'predict-traffic',
      prompt:
        'Fifty visitors a second, three pods with 10 pool connections each, nobody retrying. From 20 s to 40 s each query takes 4 s, and the app gives up on a query after 2 s. Double every pod’s pool to 20 connections. What happens to the share of visits that fail?',
      ask: 'change',
      link: 'mode=traffic&cache=off&duration=60&retryAt=none&timeline=20:db-slow,40:db-ok',
      changed: 'mode=traffic&cache=off&duration=60&retryAt=none&timeline=20:db-slow,40:db-ok&pool=20',
      of: 'traffic:summary.errorRate',
      what: 'the share of visits that fail',
      choices: ['up', 'down', 'same'],
      explanation: `It stays the same, <Outcome link="mode=traffic&cache=off&duration=60&retryAt=none&timeline=20:db-slow,40:db-ok" of="traffic:summary.errorRate" />. Every query is slower than the app’s deadline, however soon it gets a connection, so a bigger pool only lets the slow database carry more of them at once (<Outcome link="mode=traffic&cache=off&duration=60&retryAt=none&timeline=20:db-slow,40:db-ok&pool=20" of="traffic:series[20-40].mean.poolInUse" format="whole" /> instead of <Outcome link="mode=traffic&cache=off&duration=60&retryAt=none&timeline=20:db-slow,40:db-ok" of="traffic:series[20-40].mean.poolInUse" format="whole" />). A pool is a limit that protects the database; the fix for a slow one is on its side (the query, or \`statement_timeout\`) or a breaker in front of it.`,
      covers: [RDS, ERRORS],
    },
    {
      id: 'failover-cluster',
      type: 'predict-traffic',
      prompt:
        'At 30 s the primary of a Multi-AZ DB instance fails, and RDS fails over to its standby while fifty visitors a second use the site. Run the same with a Multi-AZ DB cluster instead (`dbHa=cluster`). What happens to the share of visits that fail?',
      ask: 'change',
      link: 'preset=db-failover',
      changed: 'preset=db-failover&dbHa=cluster',
      of: 'traffic:summary.errorRate',
      what: 'the share of visits that fail',
      choices: ['up', 'down', 'same'],
      explanation: `Down, from <Outcome link="preset=db-failover" of="traffic:summary.errorRate" /> to <Outcome link="preset=db-failover&dbHa=cluster" of="traffic:summary.errorRate" />. A DB instance fails over in about 60–120 s (<Outcome link="preset=db-failover" of="traffic:summary.dbFailovers.0.failoverS" format="s" /> in this run), a Multi-AZ DB cluster in under 35 s (<Outcome link="preset=db-failover&dbHa=cluster" of="traffic:summary.dbFailovers.0.failoverS" format="s" />). Either way the private endpoint’s DNS name moves to the new primary, and each pod is back only once its cached address expires and its driver reconnects.`,
      covers: [RDS, ERRORS],
    },
  ],
};
