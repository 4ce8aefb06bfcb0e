import { describe, expect, it } from 'vitest';
import { addressOf, runScenario, type EventKind, type NodeId, type SimEvent } from '@/lib/sim';
import type { Preset } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { BROWSER_IP, EDGE_IP, SITE_HOST, WEB_TARGET, ALB_PRIVATE_IP } from '@/lib/sim/site';
import { scenarioWith } from '@/lib/testing/scenario';
import { ELB_EPHEMERAL, LINUX_EPHEMERAL } from '@/lib/sim/net/ports';
import { layersFor, type Layer, type LayerId } from './layers';

function run(changes: Preset['changes'] = {}) {
  const scenario: Scenario = scenarioWith(changes);
  const result = runScenario(scenario);
  const facts = { events: result.events, engine: scenario.db.engine, tls: scenario.tls, seed: scenario.seed };
  const find = (kind: EventKind, from: NodeId, to: NodeId, nth = 0): SimEvent => {
    const found = result.events.filter((e) => e.kind === kind && e.from === from && e.to === to)[nth];
    if (!found) throw new Error(`no ${kind} ${from}→${to} #${nth}`);
    return found;
  };
  const layers = (event: SimEvent) => layersFor(event, facts);
  return { result, facts, find, layers };
}

const ids = (layers: Layer[]): LayerId[] => layers.map((l) => l.id);
const field = (layer: Layer | undefined, name: string) => layer?.fields.find((f) => f.name === name)?.value;
const layer = (layers: Layer[], id: LayerId) => layers.find((l) => l.id === id);

describe('layers of a hop', () => {
  it('shows DNS as IP, UDP 53 and a DNS message: no TCP, no TLS', () => {
    const { find, layers } = run();
    const query = layers(find('dns-query', 'browser', 'dns'));
    expect(ids(query)).toEqual(['ip', 'udp', 'dns']);
    expect(field(layer(query, 'ip'), 'Source')).toBe(BROWSER_IP);
    expect(field(layer(query, 'ip'), 'Protocol')).toBe('UDP (17)');
    expect(field(layer(query, 'udp'), 'Destination port')).toBe('53');
    expect(field(layer(query, 'dns'), 'Question')).toContain(SITE_HOST);

    const answer = layers(find('dns-answer', 'dns', 'browser'));
    expect(ids(answer)).toEqual(['ip', 'udp', 'dns']);
    // The answer goes back to the port the question came from, with the same message ID.
    expect(field(layer(answer, 'udp'), 'Destination port')).toBe(field(layer(query, 'udp'), 'Source port'));
    expect(field(layer(answer, 'udp'), 'Source port')).toBe('53');
    expect(field(layer(answer, 'dns'), 'Message ID')).toBe(field(layer(query, 'dns'), 'Message ID'));
    expect(field(layer(answer, 'dns'), 'Answer')).toContain(EDGE_IP);
  });

  it('shows the three-way handshake as TCP segments with SYN, SYN-ACK and ACK, and nothing above them', () => {
    const { find, layers } = run();
    const syn = layers(find('tcp-syn', 'browser', 'edge'));
    const synAck = layers(find('tcp-syn-ack', 'edge', 'browser'));
    const ack = layers(find('tcp-ack', 'browser', 'edge'));
    for (const segment of [syn, synAck, ack]) expect(ids(segment)).toEqual(['ip', 'tcp']);
    expect(field(layer(syn, 'tcp'), 'Flags')).toBe('SYN');
    expect(field(layer(synAck, 'tcp'), 'Flags')).toBe('SYN, ACK');
    expect(field(layer(ack, 'tcp'), 'Flags')).toBe('ACK');
    expect(field(layer(syn, 'ip'), 'Protocol')).toBe('TCP (6)');
  });

  it('takes the browser’s ephemeral port from Linux’s range, the same for every segment of one connection', () => {
    const { find, layers } = run();
    const syn = layers(find('tcp-syn', 'browser', 'edge'));
    const port = Number(field(layer(syn, 'tcp'), 'Source port'));
    expect(port).toBeGreaterThanOrEqual(LINUX_EPHEMERAL.low);
    expect(port).toBeLessThanOrEqual(LINUX_EPHEMERAL.high);
    expect(field(layer(syn, 'tcp'), 'Destination port')).toBe('443');
    const request = layers(find('request', 'browser', 'edge'));
    expect(field(layer(request, 'tcp'), 'Source port')).toBe(String(port));
    const response = layers(find('response', 'edge', 'browser'));
    expect(field(layer(response, 'tcp'), 'Destination port')).toBe(String(port));
    expect(field(layer(response, 'tcp'), 'Source port')).toBe('443');
  });

  it('is deterministic: the same run shows the same ports, another seed may not', () => {
    const a = run();
    const b = run();
    const c = run({ seed: 7 });
    const portOf = (r: ReturnType<typeof run>) => field(layer(r.layers(r.find('tcp-syn', 'browser', 'edge')), 'tcp'), 'Source port');
    expect(portOf(a)).toBe(portOf(b));
    expect(portOf(c)).not.toBe(portOf(a));
  });

  it('shows browser → edge as IP, TCP 443, a TLS 1.3 record and HTTP', () => {
    const { find, layers } = run();
    const request = layers(find('request', 'browser', 'edge'));
    expect(ids(request)).toEqual(['ip', 'tcp', 'tls', 'http']);
    expect(field(layer(request, 'ip'), 'Destination')).toBe(EDGE_IP);
    expect(layer(request, 'tls')?.name).toBe('TLS 1.3');
    expect(field(layer(request, 'tls'), 'Record type')).toBe('application_data (23)');
    expect(field(layer(request, 'http'), 'Request line')).toMatch(/^GET \/api\/profile/);
    expect(field(layer(request, 'http'), 'host')).toBe(SITE_HOST);
    expect(field(layer(request, 'tcp'), 'Flags')).toBe('PSH, ACK');
  });

  it('shows each TLS leg’s handshake message, with the server name in the ClientHello', () => {
    const { find, layers } = run();
    const hello = layers(find('tls-client-hello', 'browser', 'edge'));
    expect(ids(hello)).toEqual(['ip', 'tcp', 'tls']);
    expect(field(layer(hello, 'tls'), 'Carries')).toMatch(/^ClientHello/);
    expect(field(layer(hello, 'tls'), 'Record type')).toBe('handshake (22)');
    expect(field(layer(hello, 'tls'), 'Server name (SNI)')).toBe(SITE_HOST);
    expect(field(layer(layers(find('tls-server-hello', 'edge', 'browser')), 'tls'), 'Carries')).toMatch(/^ServerHello; then, encrypted: .*Certificate.*Finished/);
    expect(field(layer(layers(find('tls-client-finished', 'browser', 'edge')), 'tls'), 'Carries')).toBe('Finished (encrypted)');
  });

  it('follows TLS 1.2’s two round trips', () => {
    const { find, layers } = run({ tls: '1.2' });
    expect(layer(layers(find('tls-client-hello', 'browser', 'edge')), 'tls')?.name).toBe('TLS 1.2');
    expect(field(layer(layers(find('tls-client-finished', 'browser', 'edge')), 'tls'), 'Carries')).toBe('ClientKeyExchange, ChangeCipherSpec, Finished (encrypted)');
    expect(field(layer(layers(find('tls-server-finished', 'edge', 'browser')), 'tls'), 'Record type')).toBe('change_cipher_spec (20), handshake (22)');
  });

  it('shows load balancer → Nginx as plain HTTP on port 80 inside the VPC: no TLS', () => {
    const { find, layers } = run();
    const request = layers(find('request', 'alb', 'web'));
    expect(ids(request)).toEqual(['ip', 'tcp', 'http']);
    expect(field(layer(request, 'ip'), 'Source')).toBe(ALB_PRIVATE_IP);
    expect(field(layer(request, 'ip'), 'Destination')).toBe(WEB_TARGET);
    expect(field(layer(request, 'tcp'), 'Destination port')).toBe('80');
    // The load balancer picks its client ports from ELB's documented range.
    const port = Number(field(layer(request, 'tcp'), 'Source port'));
    expect(port).toBeGreaterThanOrEqual(ELB_EPHEMERAL.low);
    expect(port).toBeLessThanOrEqual(ELB_EPHEMERAL.high);
    expect(ids(layers(find('request', 'web', 'app')))).toEqual(['ip', 'tcp', 'http']);
    expect(ids(layers(find('request', 'edge', 'alb')))).toEqual(['ip', 'tcp', 'tls', 'http']);
  });

  it('shows app → PostgreSQL on 5432 inside TLS, with the wire protocol’s messages and the bound parameter', () => {
    const { find, layers } = run();
    const query = layers(find('db-query', 'app', 'db'));
    expect(ids(query)).toEqual(['ip', 'tcp', 'tls', 'db']);
    expect(field(layer(query, 'ip'), 'Destination')).toBe(addressOf('db'));
    expect(field(layer(query, 'tcp'), 'Destination port')).toBe('5432');
    expect(layer(query, 'db')?.name).toBe('PostgreSQL frontend/backend protocol');
    expect(field(layer(query, 'db'), 'Protocol messages')).toBe('Parse, Bind, Execute, Sync');
    expect(field(layer(query, 'db'), 'Bound parameter')).toBe('running shoes');
    expect(ids(layers(find('db-result', 'db', 'app')))).toEqual(['ip', 'tcp', 'tls', 'db']);
  });

  it('encrypts the database connection only where the engine sets TLS up', () => {
    for (const [engine, port, encrypted] of [
      ['mysql', '3306', true],
      ['mongodb', '27017', true],
      ['redis', '6379', false],
      ['oracle', '1521', false],
    ] as const) {
      const { find, layers } = run({ db: { engine } });
      const query = layers(find('db-query', 'app', 'db'));
      expect(ids(query), engine).toEqual(encrypted ? ['ip', 'tcp', 'tls', 'db'] : ['ip', 'tcp', 'db']);
      expect(field(layer(query, 'tcp'), 'Destination port')).toBe(port);
      expect(field(layer(query, 'db'), 'Protocol messages')).toBeUndefined();
    }
  });

  it('on a cold PostgreSQL connection, sends the SSLRequest in plaintext and the login inside TLS', () => {
    const { find, layers } = run({ connections: 'cold' });
    const sslRequest = layers(find('db-auth', 'app', 'db', 0));
    expect(ids(sslRequest)).toEqual(['ip', 'tcp', 'db']);
    expect(field(layer(sslRequest, 'db'), 'Message')).toBe('SSLRequest');
    expect(ids(layers(find('tls-client-hello', 'app', 'db')))).toEqual(['ip', 'tcp', 'tls']);
    const startup = layers(find('db-auth', 'app', 'db', 1));
    expect(field(layer(startup, 'db'), 'Message')).toMatch(/^StartupMessage/);
    expect(ids(startup)).toEqual(['ip', 'tcp', 'tls', 'db']);
  });

  it('gives a new connection between the same two services a new port', () => {
    // Cold connections: the edge opens its own connection to the load balancer; the browser keeps one.
    const { result, facts } = run({ connections: 'cold', db: { behaviour: 'down' }, cache: { state: 'off' } });
    const syns = result.events.filter((e) => e.kind === 'tcp-syn' && e.from === 'app' && e.to === 'db');
    expect(syns.length).toBeGreaterThan(1);
    const ports = new Set(syns.map((e) => field(layer(layersFor(e, facts), 'tcp'), 'Source port')));
    expect(ports.size).toBe(syns.length);
  });

  it('answers a refused connection with RST, ACK', () => {
    const { find, layers } = run({ thirdParty: { behaviour: 'down' } });
    const rst = layers(find('tcp-rst', 'thirdparty', 'app'));
    expect(ids(rst)).toEqual(['ip', 'tcp']);
    expect(field(layer(rst, 'tcp'), 'Flags')).toBe('RST, ACK');
  });

  it('says the payments call leaves the VPC from the pod’s address, naming the NAT gateway the diagram leaves out', () => {
    const { find, layers } = run();
    const request = layers(find('request', 'app', 'thirdparty'));
    expect(ids(request)).toEqual(['ip', 'tcp', 'tls', 'http']);
    expect(layer(request, 'ip')?.fields.find((f) => f.name === 'Source')?.note).toContain('NAT gateway');
  });

  it('has no layers for work inside one machine, or the WAF’s look at a request inside the edge location', () => {
    const { result, layers } = run();
    for (const event of result.events.filter((e) => e.from === e.to || e.protocol === 'inline')) expect(layers(event), event.kind).toEqual([]);
    expect(result.events.some((e) => e.kind === 'waf-inspect')).toBe(true);
  });

  it('gives every leg of every engine and connection style an IP layer and a transport', () => {
    for (const engine of ['postgres', 'mysql', 'mongodb', 'redis', 'oracle'] as const) {
      for (const connections of ['warm', 'cold'] as const) {
        const { result, layers } = run({ db: { engine }, connections, request: { kind: 'static' } });
        const { result: api, layers: apiLayers } = run({ db: { engine }, connections });
        for (const [events, of] of [
          [result.events, layers],
          [api.events, apiLayers],
        ] as const) {
          for (const event of events.filter((e) => e.leg && e.protocol !== 'inline')) {
            const found = ids(of(event));
            expect(found[0], `${engine} ${connections} ${event.kind}`).toBe('ip');
            expect(['tcp', 'udp']).toContain(found[1]);
          }
        }
      }
    }
  });
});
