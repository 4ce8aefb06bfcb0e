/**
 * What the app says to each database and what each one answers, in that engine's own words: SQL with bound
 * parameters for PostgreSQL, MySQL and Oracle, driver calls for MongoDB, commands for Redis. The operations
 * themselves (lib/sim/nodes/operations.ts) are the same everywhere; only the language differs.
 */
import type { DbEngine } from '@/lib/scenario/schema';
import type { OperationKind } from './operations';

type Family = 'sql' | 'document' | 'key-value';
const FAMILY: Readonly<Record<DbEngine, Family>> = { postgres: 'sql', mysql: 'sql', oracle: 'sql', mongodb: 'document', redis: 'key-value' };

const SQL: Readonly<Record<OperationKind, (p: (n: number) => string) => string>> = {
  read: (p) => `SELECT username, plan FROM users WHERE id = ${p(1)}`,
  preflight: () => '',
  create: (p) => `INSERT INTO orders (user_id, item, quantity) VALUES (${p(1)}, ${p(2)}, 1)`,
  replace: (p) =>
    `INSERT INTO orders (id, user_id, item, quantity) VALUES (9001, ${p(1)}, ${p(2)}, 1) ON CONFLICT (id) DO UPDATE SET item = EXCLUDED.item, quantity = EXCLUDED.quantity`,
  update: () => 'UPDATE orders SET quantity = quantity + 1 WHERE id = 9001',
  delete: () => 'DELETE FROM orders WHERE id = 9001',
};

const MONGODB: Readonly<Record<OperationKind, string>> = {
  read: 'db.users.findOne({ _id: 42 })',
  preflight: '',
  // An order and its stock reservation change together, so the driver runs them in one multi-document transaction.
  create: 'session.withTransaction(() => { orders.insertOne({ user: 42, … }); stock.updateOne({ item }, { $inc: { reserved: 1 } }) })',
  replace: 'db.orders.replaceOne({ _id: 9001 }, { user: 42, … }, { upsert: true })',
  update: 'db.orders.updateOne({ _id: 9001 }, { $inc: { quantity: 1 } })',
  delete: 'db.orders.deleteOne({ _id: 9001 })',
};

const REDIS: Readonly<Record<OperationKind, string>> = {
  read: 'HGETALL user:42',
  preflight: '',
  create: 'HSET order:<new id> user 42 …',
  replace: 'HSET order:9001 user 42 …',
  update: 'HINCRBY order:9001 quantity 1',
  delete: 'DEL order:9001',
};

/** The statement the driver sends, with the learner's text as data, never as part of the command. */
export function statementFor(engine: DbEngine, kind: OperationKind): string {
  switch (engine) {
    case 'postgres':
      return SQL[kind]((n) => `$${n}`);
    case 'oracle':
      return kind === 'replace'
        ? 'MERGE INTO orders o USING (SELECT 9001 id FROM dual) s ON (o.id = s.id) WHEN MATCHED THEN UPDATE SET item = :2, quantity = 1 WHEN NOT MATCHED THEN INSERT (id, user_id, item, quantity) VALUES (9001, :1, :2, 1)'
        : SQL[kind]((n) => `:${n}`);
    case 'mysql':
      return kind === 'replace'
        ? 'INSERT INTO orders (id, user_id, item, quantity) VALUES (9001, ?, ?, 1) ON DUPLICATE KEY UPDATE item = VALUES(item), quantity = VALUES(quantity)'
        : SQL[kind](() => '?');
    case 'mongodb':
      return MONGODB[kind];
    case 'redis':
      return REDIS[kind];
  }
}

/**
 * The write and its Idempotency-Key as one atomic unit, so a repeat finds the key or writes nothing.
 * SQL: one transaction with a unique key table. MongoDB: both inserts in one `withTransaction`. Redis: a Lua
 * script, which Redis runs atomically ("EVAL", redis.io/docs/latest/commands/eval/), claiming the key with
 * SET NX before it writes.
 */
export function keyedStatementFor(engine: DbEngine, kind: OperationKind, key: string): string {
  const statement = statementFor(engine, kind);
  switch (FAMILY[engine]) {
    case 'sql': {
      // Oracle opens a transaction implicitly with the first statement; PostgreSQL and MySQL start one with BEGIN.
      const begin = engine === 'oracle' ? '' : 'BEGIN; ';
      return `${begin}INSERT INTO idempotency_keys (key, …) VALUES ('${key}', …); ${statement}; COMMIT`;
    }
    case 'document':
      return `session.withTransaction(() => { idempotency_keys.insertOne({ _id: '${key}', … }); ${statement.replace(/^session\.withTransaction\(\(\) => \{ (.*) \}\)$/, '$1')} })`;
    case 'key-value':
      return `EVAL "if redis.call('SET', KEYS[1], ARGV[1], 'NX') then ${statement} end" 1 idem:${key}`;
  }
}

/** How the learner's text reaches the database without becoming part of the command. */
export function parameterNarration(engine: DbEngine): string {
  switch (FAMILY[engine]) {
    case 'sql':
      return "the learner's text travels as a bound parameter, never as part of the statement";
    case 'document':
      return "the learner's text travels as a string value inside a BSON document, never as part of the query's operators";
    case 'key-value':
      return "the learner's text travels as its own argument of the command, never as part of the command";
  }
}

/** The word each engine's log uses when a transaction's changes become permanent. */
export function commitWord(engine: DbEngine): string {
  // MongoDB's driver ends a transaction with commitTransaction; a Redis MULTI or script ends with EXEC or its return.
  return { sql: 'COMMIT', document: 'commitTransaction', 'key-value': 'EXEC' }[FAMILY[engine]];
}

/** Each answer as [first time, repeat]: a repeat of PUT or DELETE finds the work already done. */
type Answers = Readonly<Record<OperationKind, readonly [string, string?]>>;

const ANSWERS: Readonly<Record<Family, Answers>> = {
  sql: {
    read: ["1 row: username='jagga', plan='premium'"],
    preflight: [''],
    create: ['1 row inserted'],
    replace: ['1 row inserted (upsert)', '1 row updated (the upsert found it)'],
    update: ['1 row updated'],
    delete: ['1 row deleted', '0 rows deleted (already gone)'],
  },
  // The fields a MongoDB driver reports: insertedId, matchedCount/modifiedCount, upsertedId, deletedCount.
  document: {
    read: ["1 document: { username: 'jagga', plan: 'premium' }"],
    preflight: [''],
    create: ['1 document inserted'],
    replace: ['1 document upserted', 'matched 1, modified 1 (the upsert found it)'],
    update: ['matched 1, modified 1'],
    delete: ['deletedCount 1', 'deletedCount 0 (already gone)'],
  },
  // Redis replies with integers: HSET the fields it added, HINCRBY the new value, DEL the keys it removed.
  'key-value': {
    read: ['2 fields: username jagga, plan premium'],
    preflight: [''],
    create: ['(integer) 3: a new hash, 3 fields set'],
    replace: ['(integer) 3: a new hash, 3 fields set', '(integer) 0: the hash existed, its fields overwritten'],
    update: ['(integer) 2: the new quantity'],
    delete: ['(integer) 1: 1 key deleted', '(integer) 0: already gone'],
  },
};

/** What the database answers when the statement succeeds, in its own units: rows, documents or hash fields. */
export function resultFor(engine: DbEngine, kind: OperationKind, repeat: boolean): string {
  const [first, again] = ANSWERS[FAMILY[engine]][kind];
  return repeat && again !== undefined ? again : first;
}
