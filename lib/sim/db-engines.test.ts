import { describe, expect, it } from 'vitest';
import { scenarioWith } from '@/lib/testing/scenario';
import { runScenario } from './run';

const deadlockedWrite = (engine: 'postgres' | 'mysql' | 'oracle' | 'mongodb' | 'redis') =>
  runScenario(scenarioWith({ request: { method: 'POST' }, db: { behaviour: 'deadlock', engine }, cache: { state: 'off' } }));

describe('each database behaves as itself', () => {
  it('Oracle undoes only the statement: the app rolls the transaction back before it retries', () => {
    const result = deadlockedWrite('oracle');
    const kinds = result.events.filter((e) => e.from === 'app' || e.from === 'db').map((e) => e.kind);
    const error = kinds.indexOf('db-error');
    const rollback = kinds.indexOf('rollback');
    expect(error).toBeGreaterThan(-1);
    expect(rollback).toBeGreaterThan(error);
    expect(kinds.indexOf('retry-wait')).toBeGreaterThan(rollback);
    expect(result.events.find((e) => e.kind === 'db-error')?.narration).toMatch(/still open and keeps its locks/);
    expect(result.outcome.status).toBe(201);
  });

  it('PostgreSQL and MySQL roll back the whole transaction, so no ROLLBACK is needed', () => {
    for (const engine of ['postgres', 'mysql'] as const) {
      expect(deadlockedWrite(engine).events.some((e) => e.kind === 'rollback')).toBe(false);
    }
  });

  it("MongoDB aborts a conflicting transaction at once, and the driver retries it even when the app's retries are off", () => {
    const result = runScenario(scenarioWith({ request: { method: 'POST' }, db: { behaviour: 'deadlock', engine: 'mongodb' }, cache: { state: 'off' }, retry: { layers: [] } }));
    const clash = result.events.find((e) => e.kind === 'deadlock')!;
    expect(clash.decision).toContain('TransientTransactionError');
    expect(clash.durationMs).toBe(0);
    expect(result.events.find((e) => e.kind === 'retry' && e.from === 'app')?.decision).toBe('withTransaction: retry on TransientTransactionError');
    expect(result.outcome.status).toBe(201);
    expect(result.outcome.writesCommitted).toBe(1);
  });

  it('MongoDB never surfaces a write conflict for a single-document write', () => {
    const result = runScenario(scenarioWith({ request: { method: 'PUT' }, db: { behaviour: 'deadlock', engine: 'mongodb' } }));
    expect(result.events.some((e) => e.kind === 'deadlock')).toBe(false);
  });

  it('Redis cannot deadlock', () => {
    const result = deadlockedWrite('redis');
    expect(result.events.some((e) => e.kind === 'deadlock')).toBe(false);
    expect(result.outcome.status).toBe(201);
  });

  it('a cold PostgreSQL connection asks for TLS first, then authenticates with SCRAM-SHA-256', () => {
    const result = runScenario(scenarioWith({ connections: 'cold', cache: { state: 'off' } }));
    const db = result.events.filter((e) => (e.from === 'app' && e.to === 'db') || (e.from === 'db' && e.to === 'app')).map((e) => e.decision ?? e.kind);
    expect(db.indexOf('SSLRequest')).toBeLessThan(db.findIndex((d) => d.startsWith('TLS 1.3 ClientHello')));
    expect(db.some((d) => d.includes('SCRAM-SHA-256'))).toBe(true);
    expect(db.some((d) => d.startsWith('SASLResponse'))).toBe(true);
  });

  it('a cold MySQL connection starts with the server greeting, before the client speaks', () => {
    const result = runScenario(scenarioWith({ connections: 'cold', cache: { state: 'off' }, db: { engine: 'mysql' } }));
    const afterTcp = result.events.filter((e) => e.kind === 'db-auth' || e.kind === 'db-auth-ok');
    expect(afterTcp[0]?.kind).toBe('db-auth-ok');
    expect(afterTcp[0]?.decision).toContain('Initial Handshake');
  });

  it('a cold Oracle connection on port 1521 uses no TLS', () => {
    const result = runScenario(scenarioWith({ connections: 'cold', cache: { state: 'off' }, db: { engine: 'oracle' } }));
    expect(result.events.some((e) => e.kind.startsWith('tls-') && (e.to === 'db' || e.from === 'db'))).toBe(false);
    expect(result.events.some((e) => e.decision?.startsWith('TNS CONNECT'))).toBe(true);
  });

  it('each engine speaks its own language: no SQL, rows or COMMIT from MongoDB or Redis', () => {
    const talk = (engine: 'postgres' | 'oracle' | 'mongodb' | 'redis', method: 'GET' | 'POST') =>
      runScenario(scenarioWith({ request: { method, idempotencyKey: true }, db: { engine }, cache: { state: 'off' } }))
        .events.filter((e) => e.from === 'db' || e.to === 'db')
        .map((e) => `${e.decision ?? ''} ${e.narration}`)
        .join('\n');
    for (const engine of ['mongodb', 'redis'] as const) {
      for (const method of ['GET', 'POST'] as const) expect(talk(engine, method)).not.toMatch(/\b(SELECT|INSERT INTO|BEGIN|COMMIT|rows?)\b|bound parameter/);
    }
    expect(talk('mongodb', 'POST')).toMatch(/commitTransaction: 1 document inserted/);
    expect(talk('redis', 'POST')).toMatch(/EVAL .*SET.*'NX'/);
    expect(talk('postgres', 'POST')).toMatch(/^BEGIN; INSERT INTO idempotency_keys/m);
    expect(talk('oracle', 'POST')).not.toMatch(/BEGIN/);
    expect(talk('oracle', 'POST')).toMatch(/COMMIT: 1 row inserted/);
  });
});
