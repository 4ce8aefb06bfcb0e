/**
 * What the app's handler does for each method: the method's meaning (RFC 9110 §9.3) made concrete on one
 * resource, order 9001 of user 42. Each operation says whether repeating it is harmless *because of how it
 * is written*: PUT is an upsert by key and DELETE of a missing row deletes nothing, so both are idempotent;
 * POST is a plain INSERT and PATCH an increment, so a repeat writes twice.
 */
import type { DbEngine, HttpMethod } from '@/lib/scenario/schema';

export type OperationKind = 'read' | 'preflight' | 'create' | 'replace' | 'update' | 'delete';

export interface Operation {
  kind: OperationKind;
  method: HttpMethod;
  /** Whether the handler writes to the database. */
  writes: boolean;
  /** Whether running the write twice leaves the same state as running it once. */
  repeatable: boolean;
  /** Why, in a sentence the narration can use. */
  why: string;
  /** What the app asks the payments API, if anything. */
  payments: 'read' | 'charge' | null;
  /** The status of a successful answer (RFC 9110 §15.3). */
  successStatus: number;
}

export const OPERATIONS: Readonly<Record<HttpMethod, Operation>> = {
  GET: { kind: 'read', method: 'GET', writes: false, repeatable: true, why: 'a read changes nothing', payments: 'read', successStatus: 200 },
  HEAD: { kind: 'read', method: 'HEAD', writes: false, repeatable: true, why: 'a read changes nothing', payments: 'read', successStatus: 200 },
  OPTIONS: {
    kind: 'preflight',
    method: 'OPTIONS',
    writes: false,
    repeatable: true,
    why: 'a CORS preflight only asks what is allowed',
    payments: null,
    successStatus: 204,
  },
  POST: {
    kind: 'create',
    method: 'POST',
    writes: true,
    repeatable: false,
    why: 'each INSERT creates another order',
    payments: 'charge',
    // 201 Created with a Location header (RFC 9110 §15.3.2).
    successStatus: 201,
  },
  PUT: {
    kind: 'replace',
    method: 'PUT',
    writes: true,
    repeatable: true,
    why: 'the handler upserts order 9001 by its key, so a repeat leaves one row',
    payments: null,
    successStatus: 200,
  },
  PATCH: {
    kind: 'update',
    method: 'PATCH',
    writes: true,
    repeatable: false,
    why: 'the handler adds one to the quantity, so a repeat adds two',
    payments: null,
    successStatus: 200,
  },
  DELETE: {
    kind: 'delete',
    method: 'DELETE',
    writes: true,
    repeatable: true,
    why: 'deleting a row that is already gone deletes nothing',
    payments: null,
    // 204 No Content: the deletion succeeded and there is nothing to send (RFC 9110 §9.3.5, §15.3.5).
    successStatus: 204,
  },
};

const SQL: Readonly<Record<OperationKind, (p: (n: number) => string) => string>> = {
  read: (p) => `SELECT username, plan FROM users WHERE id = ${p(1)}`,
  preflight: () => '',
  create: (p) => `INSERT INTO orders (user_id, item, quantity) VALUES (${p(1)}, ${p(2)}, 1)`,
  replace: (p) =>
    `INSERT INTO orders (id, user_id, item, quantity) VALUES (9001, ${p(1)}, ${p(2)}, 1) ON CONFLICT (id) DO UPDATE SET item = EXCLUDED.item, quantity = EXCLUDED.quantity`,
  update: () => 'UPDATE orders SET quantity = quantity + 1 WHERE id = 9001',
  delete: () => 'DELETE FROM orders WHERE id = 9001',
};

/** The statement the driver sends, in the engine's own language, with the learner's text as a bound parameter. */
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
      return {
        read: 'db.users.findOne({ _id: 42 })',
        preflight: '',
        // An order and its stock reservation change together, so the driver runs them in one multi-document transaction.
        create: 'session.withTransaction(() => { orders.insertOne({ user: 42, … }); stock.updateOne({ item }, { $inc: { reserved: 1 } }) })',
        replace: 'db.orders.replaceOne({ _id: 9001 }, { user: 42, … }, { upsert: true })',
        update: 'db.orders.updateOne({ _id: 9001 }, { $inc: { quantity: 1 } })',
        delete: 'db.orders.deleteOne({ _id: 9001 })',
      }[kind];
    case 'redis':
      return {
        read: 'HGETALL user:42',
        preflight: '',
        create: 'HSET order:<new id> user 42 …',
        replace: 'HSET order:9001 user 42 …',
        update: 'HINCRBY order:9001 quantity 1',
        delete: 'DEL order:9001',
      }[kind];
  }
}

/** What the database answers when the statement succeeds. */
export function resultFor(kind: OperationKind, repeat: boolean): string {
  switch (kind) {
    case 'read':
      return "1 row: username='jagga', plan='premium'";
    case 'create':
      return '1 row inserted';
    case 'replace':
      return repeat ? '1 row updated (the upsert found it)' : '1 row inserted (upsert)';
    case 'update':
      return '1 row updated';
    case 'delete':
      return repeat ? '0 rows deleted (already gone)' : '1 row deleted';
    case 'preflight':
      return '';
  }
}
