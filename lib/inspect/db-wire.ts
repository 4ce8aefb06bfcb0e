/**
 * The protocol each database engine speaks over its TCP port: the inspector names it, and for PostgreSQL the
 * messages a parameterised statement becomes.
 */
import type { EventKind } from '@/lib/sim';
import type { DbEngine } from '@/lib/scenario/schema';
import { DB_HANDSHAKES } from '@/lib/sim/nodes/db-handshake-steps';

export const DB_PROTOCOLS: Readonly<Record<DbEngine, string>> = {
  // PostgreSQL docs, "Frontend/Backend Protocol".
  postgres: 'PostgreSQL frontend/backend protocol',
  // MySQL docs, "Client/Server Protocol".
  mysql: 'MySQL client/server protocol',
  // MongoDB docs, "MongoDB Wire Protocol": drivers send every command as an OP_MSG.
  mongodb: 'MongoDB wire protocol (OP_MSG)',
  // redis.io, "Redis serialization protocol specification"; HELLO 3 switches to RESP3.
  redis: 'RESP3 (Redis serialization protocol)',
  // Oracle Net Services: TNS packets carry the session.
  oracle: 'Oracle Net (TNS)',
};

/** Whether the engine's connections run inside TLS, as the engine's handshake (db-handshake.ts) sets them up. */
export function dbUsesTls(engine: DbEngine): boolean {
  return DB_HANDSHAKES[engine].some((step) => 'tls' in step);
}

/**
 * The PostgreSQL messages behind an event. A statement with a bound parameter uses the extended query
 * protocol: the SQL travels in Parse and the learner's text, separately, in Bind (PostgreSQL docs,
 * "Message Flow", "Extended Query"). An error comes back as ErrorResponse.
 */
export function postgresMessages(kind: EventKind): string | null {
  switch (kind) {
    case 'db-query':
      return 'Parse, Bind, Execute, Sync';
    case 'db-result':
      return 'RowDescription and DataRow (when rows come back), CommandComplete, ReadyForQuery';
    case 'db-error':
      return 'ErrorResponse, ReadyForQuery';
    default:
      return null;
  }
}
