/**
 * Opening a database connection costs what the engine's own protocol costs, after the TCP handshake:
 * - PostgreSQL: RDS for PostgreSQL 15 and later sets `rds.force_ssl` to 1, so the driver first sends an
 *   SSLRequest and starts TLS (Amazon RDS User Guide, "Requiring an SSL connection to a PostgreSQL DB
 *   instance"). Then the StartupMessage, and SCRAM-SHA-256, the default `password_encryption` since
 *   PostgreSQL 14: a SASL exchange of client-first, server-first, client-final and server-final messages
 *   (PostgreSQL docs, "Message Flow", "SASL Authentication"; RFC 7677).
 * - MySQL: the server speaks first, with its greeting (the Initial Handshake packet); the client asks for
 *   TLS there (SSLRequest) when it prefers it, as Connector/J and the mysql client do by default
 *   (`sslMode=PREFERRED`), then sends its HandshakeResponse; `caching_sha2_password`, MySQL 8's default,
 *   answers fast-auth-success and OK (MySQL docs, "Connection Phase"; "Caching SHA-2 Pluggable Authentication").
 *   RDS for MySQL offers TLS but does not require it (`require_secure_transport` is 0 by default).
 * - Oracle: a TNS Connect answered by Accept, then O5LOGON's two round trips: the client names the user and
 *   gets AUTH_SESSKEY, then proves the password. RDS for Oracle uses TLS only with the SSL option on port
 *   2484, so the default listener on 1521 is plain TCP (Amazon RDS User Guide, "Oracle Secure Sockets Layer").
 * - MongoDB-compatible Amazon DocumentDB: TLS is on by default (DocumentDB Developer Guide, "Encrypting data in
 *   transit"); the driver's `hello` carries a speculative SCRAM first message, so authentication finishes
 *   with one more round trip (MongoDB specifications, "Authentication", speculative authentication).
 * - Redis (ElastiCache): in-transit encryption is off unless enabled; `HELLO 3 AUTH` authenticates and
 *   switches protocol in one round trip (redis.io, HELLO).
 */
import type { DbEngine } from '@/lib/scenario/schema';

/** One message of a handshake, or the switch to TLS. Data alone: the inspector reads it without the engine. */
export type HandshakeStep = { tls: true } | { from: 'app' | 'db'; message: string; narration: string };

const FROM_APP = (message: string, narration: string): HandshakeStep => ({ from: 'app', message, narration });
const FROM_DB = (message: string, narration: string): HandshakeStep => ({ from: 'db', message, narration });
const TLS: HandshakeStep = { tls: true };

export const DB_HANDSHAKES: Readonly<Record<DbEngine, readonly HandshakeStep[]>> = {
  postgres: [
    FROM_APP('SSLRequest', 'The driver asks PostgreSQL to switch to TLS before anything else: RDS requires it.'),
    FROM_DB("'S' (TLS accepted)", 'PostgreSQL agrees to TLS.'),
    TLS,
    FROM_APP('StartupMessage user=app database=shop', 'Inside TLS, the driver names the user and the database.'),
    FROM_DB('AuthenticationSASL SCRAM-SHA-256', 'PostgreSQL asks for SCRAM-SHA-256: the password itself never crosses the wire.'),
    FROM_APP('SASLInitialResponse (client-first: nonce)', 'The driver sends its nonce, the client-first message.'),
    FROM_DB('AuthenticationSASLContinue (server-first: salt, iterations)', 'PostgreSQL answers with its nonce, the salt and the iteration count.'),
    FROM_APP('SASLResponse (client-final: proof)', 'The driver proves it knows the password.'),
    FROM_DB('AuthenticationSASLFinal, AuthenticationOk, ReadyForQuery', 'PostgreSQL proves it knows it too, accepts the login and is ready for queries.'),
  ],
  mysql: [
    FROM_DB('Initial Handshake (server greeting, auth plugin caching_sha2_password)', 'MySQL speaks first: its greeting names its version, capabilities and auth plugin.'),
    FROM_APP('SSLRequest', 'The driver prefers TLS and asks for it.'),
    TLS,
    FROM_APP('HandshakeResponse41 (user, scrambled password)', 'Inside TLS, the driver sends the user and the scrambled password.'),
    FROM_DB('AuthMoreData fast_auth_success, OK', 'The password hash is cached on the server: fast authentication succeeds.'),
  ],
  oracle: [
    FROM_APP('TNS CONNECT (SERVICE_NAME=ORCL)', 'The driver asks the listener for the database service.'),
    FROM_DB('TNS ACCEPT', 'The listener accepts the connection.'),
    FROM_APP('O5LOGON phase 1: AUTH_USER', 'The driver names the user.'),
    FROM_DB('AUTH_SESSKEY, AUTH_VFR_DATA', 'Oracle sends an encrypted session key and the password verifier data.'),
    FROM_APP('O5LOGON phase 2: AUTH_PASSWORD', 'The driver proves the password with the session key.'),
    FROM_DB('AUTH OK (session established)', 'Oracle accepts the login.'),
  ],
  mongodb: [
    TLS,
    FROM_APP('hello + speculativeAuthenticate (SCRAM-SHA-256 saslStart)', 'Inside TLS, the driver says hello and starts authenticating in the same message.'),
    FROM_DB('hello reply + speculativeAuthenticate (server-first)', 'The server describes itself and answers the first authentication step.'),
    FROM_APP('saslContinue (client-final: proof)', 'The driver proves it knows the password.'),
    FROM_DB('saslContinue reply (done: true)', 'Authentication is complete.'),
  ],
  redis: [
    FROM_APP('HELLO 3 AUTH app ****', 'The client authenticates and switches to the RESP3 protocol in one command.'),
    FROM_DB('map: server=redis, proto=3', 'Redis accepts.'),
  ],
};
