/**
 * What one event carries at each layer, as a packet analyser would show it: the IP addresses, the
 * transport (UDP, or TCP with its ports and flags), the TLS record when the connection is encrypted, and
 * the application's message (DNS, HTTP, the database's own protocol). Each hop shows only what it really
 * has: DNS is UDP with no TLS; inside the VPC the load balancer and Nginx speak plain HTTP; the database
 * connection is encrypted only when its engine sets TLS up.
 *
 * Everything is derived from the run's events, the topology and the made-up site's addresses: the function
 * is pure, and the same run always shows the same layers.
 */
import { addressOf, linkFor, type EventKind, type LinkInfo, type NodeId, type SimEvent } from '@/lib/sim';
import type { DbEngine, TlsVersion } from '@/lib/scenario/schema';
import { SITE_HOST } from '@/lib/sim/site';
import { DB_PROTOCOLS, dbUsesTls, postgresMessages } from './db-wire';
import { dnsMessageId, ephemeralPort } from './ephemeral-ports';
import { applicationDataRecord, handshakeRecord, isTlsHandshake, RECORD_VERSION_ON_THE_WIRE, type TlsRecord } from './tls-records';

export type LayerId = 'ip' | 'udp' | 'tcp' | 'tls' | 'dns' | 'http' | 'db';

export interface LayerField {
  name: string;
  value: string;
  /** Why the value is what it is, when that is worth a sentence. */
  note?: string;
}

export interface Layer {
  id: LayerId;
  /** The protocol's name: IPv4, TCP, TLS 1.3, HTTP… */
  name: string;
  /** The layer in one line. */
  summary: string;
  fields: LayerField[];
}

/** What the layers need to know about the run besides the event itself. */
export interface RunFacts {
  events: readonly SimEvent[];
  engine: DbEngine;
  tls: TlsVersion;
  seed: number;
}

/** IANA, "Assigned Internet Protocol Numbers": the IPv4 header's Protocol field. */
const IP_PROTOCOL_NUMBERS = { TCP: 6, UDP: 17 } as const;

/**
 * The TCP flags of each segment (RFC 9293 §3.1). Once a connection is established every segment carries
 * ACK; data is sent with PSH. A refused connection is answered RST with ACK (RFC 9293 §3.10.7.1).
 */
function tcpFlags(kind: EventKind): string {
  switch (kind) {
    case 'tcp-syn':
      return 'SYN';
    case 'tcp-syn-ack':
      return 'SYN, ACK';
    case 'tcp-ack':
      return 'ACK';
    case 'tcp-rst':
      return 'RST, ACK';
    default:
      return 'PSH, ACK';
  }
}

const TCP_FLAG_NOTES: Partial<Record<EventKind, string>> = {
  'tcp-syn': 'Asks to open a connection; the first step of the three-way handshake.',
  'tcp-syn-ack': 'Agrees, and acknowledges the SYN.',
  'tcp-ack': 'Acknowledges the SYN-ACK: the connection is open.',
  'tcp-rst': 'Nothing listens on that port: the connection is refused.',
};

/** Links whose connections carry TLS. Behind the load balancer the VPC speaks plain HTTP. */
function linkUsesTls(link: LinkInfo, engine: DbEngine): boolean {
  if (link.id === 'app-db') return dbUsesTls(engine);
  return link.protocol === 'HTTPS';
}

function isFrom(event: SimEvent, client: NodeId, server: NodeId): boolean {
  return event.from === client && event.to === server;
}

/**
 * The connection an event travels on: the last SYN from client to server at or before it, or none when the
 * connection was already open when the run began (a warm pool, keep-alive).
 */
function connectionStart(event: SimEvent, events: readonly SimEvent[], client: NodeId, server: NodeId): { index: number; synId: number | null } {
  let index = 0;
  let synId: number | null = null;
  for (const e of events) {
    if (e.id > event.id) break;
    if (e.kind === 'tcp-syn' && isFrom(e, client, server)) {
      index += 1;
      synId = e.id;
    }
  }
  return { index, synId };
}

/** Whether the TLS handshake on this connection had started before the event (so the event is encrypted). */
function tlsStartedBefore(event: SimEvent, events: readonly SimEvent[], client: NodeId, server: NodeId, synId: number | null): boolean {
  if (synId === null) return true;
  return events.some((e) => e.id > synId && e.id < event.id && e.kind === 'tls-client-hello' && isFrom(e, client, server));
}

/** The Host the client names on this connection: the header of the next request it sends there. */
function serverName(event: SimEvent, events: readonly SimEvent[], client: NodeId, server: NodeId): string | null {
  const request = events.find((e) => e.id > event.id && e.kind === 'request' && isFrom(e, client, server) && e.headers?.host);
  return request?.headers?.host ?? null;
}

function ipLayer(event: SimEvent, transport: 'TCP' | 'UDP', link: LinkInfo): Layer | null {
  const source = addressOf(event.from);
  const destination = addressOf(event.to);
  if (!source || !destination) return null;
  const fields: LayerField[] = [
    { name: 'Version', value: '4' },
    {
      name: 'Source',
      value: source,
      ...(event.from === 'app' && event.to === 'thirdparty'
        ? { note: 'The pod’s private address. In a real VPC a NAT gateway rewrites it to a public one; the diagram draws a direct link.' }
        : {}),
    },
    { name: 'Destination', value: destination },
    { name: 'Protocol', value: `${transport} (${IP_PROTOCOL_NUMBERS[transport]})` },
  ];
  if (link.id === 'browser-shield') fields.push({ name: 'On the way', value: 'Shield, inline', note: 'Shield inspects the packet at the edge location without changing its addresses.' });
  return { id: 'ip', name: 'IPv4', summary: `${source} → ${destination}`, fields };
}

function tlsLayer(event: SimEvent, run: RunFacts, record: TlsRecord, sni: string | null): Layer {
  const fields: LayerField[] = [
    { name: 'Record type', value: record.recordType },
    { name: 'Carries', value: record.messages },
  ];
  if (record.encrypted !== 'no') {
    fields.push({
      name: 'Version on the wire',
      value: RECORD_VERSION_ON_THE_WIRE,
      ...(run.tls === '1.3' ? { note: 'TLS 1.3 records still say TLS 1.2 here; the real version was agreed in the hellos.' } : {}),
    });
  }
  if (event.kind === 'tls-client-hello' && sni) {
    fields.push({ name: 'Server name (SNI)', value: sni, note: 'Sent in plaintext, so the name of the site is visible on the wire even though the rest is not.' });
  }
  const handshake = isTlsHandshake(event.kind);
  return {
    id: 'tls',
    name: `TLS ${run.tls}`,
    summary: handshake ? `handshake: ${record.messages}` : 'application data, encrypted',
    fields,
  };
}

function dnsLayer(event: SimEvent, run: RunFacts, index: number): Layer {
  const query = event.kind === 'dns-query';
  const id = `0x${dnsMessageId(run.seed, index).toString(16).padStart(4, '0')}`;
  const fields: LayerField[] = [
    { name: 'Message ID', value: id, note: 'The answer carries the same ID, so the client can match it to its question (RFC 1035 §4.1.1).' },
    { name: 'Type', value: query ? 'query' : 'response' },
    { name: 'Question', value: `${SITE_HOST}, type A, class IN` },
  ];
  if (!query && event.decision) fields.push({ name: 'Answer', value: event.decision });
  return { id: 'dns', name: 'DNS', summary: query ? `query: A ${SITE_HOST}?` : `answer: ${event.decision ?? ''}`, fields };
}

function httpLayer(event: SimEvent): Layer {
  const response = event.kind === 'response';
  const line = event.decision ?? '';
  const fields: LayerField[] = [{ name: response ? 'Status line' : 'Request line', value: line }];
  for (const [name, value] of Object.entries(event.headers ?? {})) fields.push({ name, value });
  return { id: 'http', name: 'HTTP', summary: line, fields };
}

function dbLayer(event: SimEvent, engine: DbEngine): Layer {
  const fields: LayerField[] = [{ name: 'Message', value: event.decision ?? event.kind }];
  const messages = engine === 'postgres' ? postgresMessages(event.kind) : null;
  if (messages) {
    fields.push({
      name: 'Protocol messages',
      value: messages,
      ...(event.kind === 'db-query' ? { note: 'The SQL travels in Parse; the parameter travels apart from it, in Bind, so it can never be read as SQL.' } : {}),
    });
  }
  const parameter = event.detail?.parameter;
  if (parameter !== undefined) fields.push({ name: 'Bound parameter', value: String(parameter) });
  return { id: 'db', name: DB_PROTOCOLS[engine], summary: event.decision ?? event.kind, fields };
}

/** The application layer a data segment carries, or null for pure transport and TLS segments. */
function applicationLayer(event: SimEvent, link: LinkInfo, run: RunFacts, dnsIndex: number): Layer | null {
  if (event.kind.startsWith('tcp-') || isTlsHandshake(event.kind)) return null;
  if (link.id === 'browser-dns') return dnsLayer(event, run, dnsIndex);
  if (link.id === 'app-db') return dbLayer(event, run.engine);
  if (event.kind === 'request' || event.kind === 'response') return httpLayer(event);
  return null;
}

/** The layers of one event, outermost first; empty for work inside one machine, where nothing crosses a network. */
export function layersFor(event: SimEvent, run: RunFacts): Layer[] {
  if (!event.leg || event.protocol === 'inline' || event.from === event.to) return [];
  let link: LinkInfo;
  try {
    link = linkFor(run.engine, event.from, event.to);
  } catch {
    return [];
  }
  // Every link is listed client first: the side that dials is `a` (browser → edge included).
  const client = link.a;
  const server = link.b;
  const serverPort = event.port ?? link.port;
  if (serverPort === null) return [];

  const udp = link.protocol === 'UDP';
  const layers: Layer[] = [];
  const ip = ipLayer(event, udp ? 'UDP' : 'TCP', link);
  if (ip) layers.push(ip);

  if (udp) {
    const index = run.events.filter((e) => e.id <= event.id && e.kind === 'dns-query').length;
    const port = ephemeralPort(run.seed, client, server, index);
    const [sourcePort, destinationPort] = event.from === client ? [port, serverPort] : [serverPort, port];
    layers.push({
      id: 'udp',
      name: 'UDP',
      summary: `port ${sourcePort} → ${destinationPort}, one datagram, no connection`,
      fields: [
        { name: 'Source port', value: String(sourcePort), ...(event.from === client ? { note: 'An ephemeral port the client’s system picked for this question.' } : {}) },
        { name: 'Destination port', value: String(destinationPort) },
      ],
    });
    const dns = applicationLayer(event, link, run, index);
    if (dns) layers.push(dns);
    return layers;
  }

  const { index, synId } = connectionStart(event, run.events, client, server);
  const port = ephemeralPort(run.seed, client, server, index);
  const [sourcePort, destinationPort] = event.from === client ? [port, serverPort] : [serverPort, port];
  const flags = tcpFlags(event.kind);
  layers.push({
    id: 'tcp',
    name: 'TCP',
    summary: `port ${sourcePort} → ${destinationPort} · ${flags}`,
    fields: [
      { name: 'Source port', value: String(sourcePort), ...(event.from === client ? { note: 'The client’s ephemeral port for this connection.' } : {}) },
      { name: 'Destination port', value: String(destinationPort), ...(event.to === client ? { note: 'The client’s ephemeral port for this connection.' } : {}) },
      { name: 'Flags', value: flags, ...(TCP_FLAG_NOTES[event.kind] ? { note: TCP_FLAG_NOTES[event.kind] } : {}) },
    ],
  });

  if (!event.kind.startsWith('tcp-') && linkUsesTls(link, run.engine)) {
    let record: TlsRecord | null = null;
    if (isTlsHandshake(event.kind)) record = handshakeRecord(event.kind, run.tls);
    else if (tlsStartedBefore(event, run.events, client, server, synId)) record = applicationDataRecord();
    if (record) layers.push(tlsLayer(event, run, record, event.kind === 'tls-client-hello' && link.id !== 'app-db' ? serverName(event, run.events, client, server) : null));
  }

  const application = applicationLayer(event, link, run, 0);
  if (application) layers.push(application);
  return layers;
}
