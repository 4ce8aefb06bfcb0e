/**
 * The default AWS topology (CloudFront, AWS WAF and Shield, an ALB, Nginx, pods on EKS, RDS, S3): which nodes exist, how they are linked, and what each link carries.
 * The diagram draws exactly these nodes and links; the engine times its legs with them. Where each node sits on the
 * network (zones, subnets, addresses, security groups, network ACLs) is in network.ts.
 */
import type { DbEngine, Latency } from '@/lib/scenario/schema';
import { DB_PORTS } from '@/lib/scenario/vocabulary';
import type { NodeId, Protocol } from './types';

export interface NodeInfo {
  id: NodeId;
  label: string;
  /** The real-world service it stands for. */
  counterpart: string;
  /** What it does for a request, in one line. */
  role: string;
}

export const NODES: Readonly<Record<NodeId, NodeInfo>> = {
  browser: { id: 'browser', label: 'Browser', counterpart: 'a React single-page app', role: 'Sends the request and renders the JSON it gets back.' },
  dns: { id: 'dns', label: 'DNS', counterpart: 'Route 53', role: 'Turns www.example.com into the address of the nearest edge location.' },
  shield: { id: 'shield', label: 'Shield', counterpart: 'AWS Shield Standard (layers 3/4)', role: 'Inspects packets inline at the edge and drops floods (SYN, UDP, reflection).' },
  waf: { id: 'waf', label: 'WAF', counterpart: 'AWS WAF web ACL on CloudFront', role: 'Evaluates layer-7 rules (SQLi, XSS, size limits) before the cache is consulted.' },
  edge: { id: 'edge', label: 'CDN edge', counterpart: 'CloudFront edge location (POP)', role: 'Terminates TLS, answers from its cache, or fetches from the origin.' },
  s3: { id: 's3', label: 'Static assets', counterpart: 'Amazon S3 bucket', role: 'The origin for /static/*: images, CSS and JavaScript.' },
  alb: { id: 'alb', label: 'Load balancer', counterpart: 'Application Load Balancer', role: 'Routes /api/* to a healthy target in the target group.' },
  web: { id: 'web', label: 'Reverse proxy', counterpart: 'Nginx (ingress)', role: 'Forwards requests to the app server over the internal network.' },
  app: { id: 'app', label: 'App', counterpart: 'Node.js pods on EKS', role: 'Runs the business logic, queries the database and calls third parties.' },
  db: { id: 'db', label: 'Database', counterpart: 'Amazon RDS in a private subnet', role: 'Answers SQL over its own TCP protocol, reached through a driver and a pool.' },
  thirdparty: { id: 'thirdparty', label: 'Third-party API', counterpart: 'a payments API', role: 'An external HTTPS API the app depends on.' },
};

/**
 * The proxies on the path: the edge, the load balancer and Nginx close the connection behind them when their
 * client gives up, so they stop waiting with it. The servers behind them (the app, the database, the payments
 * API) are reached through the kernel's `serve` and finish their work unread (ARCHITECTURE.md, "Who keeps working").
 */
export const PROXIES: ReadonlySet<NodeId> = new Set<NodeId>(['edge', 'alb', 'web']);

export interface LinkInfo {
  /** Stable id, used by the diagram and by `sel=` in links. */
  id: string;
  a: NodeId;
  b: NodeId;
  protocol: Protocol;
  /** null for links inside one machine or service (WAF evaluation inside the POP). */
  port: number | null;
  /** How the label on the diagram reads. */
  label: string;
}

/** The drawn links. Browser ↔ edge traffic passes through Shield, which sits inline at the edge location. */
export function links(dbEngine: DbEngine): LinkInfo[] {
  const dbPort = DB_PORTS[dbEngine];
  return [
    { id: 'browser-dns', a: 'browser', b: 'dns', protocol: 'UDP', port: 53, label: 'DNS · UDP 53' },
    { id: 'browser-shield', a: 'browser', b: 'shield', protocol: 'HTTPS', port: 443, label: 'HTTPS · 443' },
    { id: 'shield-edge', a: 'shield', b: 'edge', protocol: 'HTTPS', port: 443, label: 'inline' },
    { id: 'edge-waf', a: 'edge', b: 'waf', protocol: 'inline', port: null, label: 'web ACL' },
    { id: 'edge-s3', a: 'edge', b: 's3', protocol: 'HTTPS', port: 443, label: 'HTTPS · 443' },
    { id: 'edge-alb', a: 'edge', b: 'alb', protocol: 'HTTPS', port: 443, label: 'HTTPS · 443' },
    { id: 'alb-web', a: 'alb', b: 'web', protocol: 'HTTP', port: 80, label: 'HTTP · 80' },
    { id: 'web-app', a: 'web', b: 'app', protocol: 'HTTP', port: 8080, label: 'HTTP · 8080' },
    { id: 'app-db', a: 'app', b: 'db', protocol: 'TCP', port: dbPort, label: `TCP · ${dbPort}` },
    { id: 'app-thirdparty', a: 'app', b: 'thirdparty', protocol: 'HTTPS', port: 443, label: 'HTTPS · 443' },
  ];
}

/** The nodes a leg between two endpoints passes through on the diagram (excluding the endpoints). */
export function viaNodes(from: NodeId, to: NodeId): NodeId[] | undefined {
  const pair = `${from}>${to}`;
  if (pair === 'browser>edge' || pair === 'edge>browser') return ['shield'];
  return undefined;
}

/** The round-trip time between two endpoints, from the scenario's latency knobs. */
export function rttMs(latency: Latency, a: NodeId, b: NodeId): number {
  const key = [a, b].sort().join('-');
  switch (key) {
    case 'browser-dns':
      return latency.dnsRttMs;
    case 'browser-edge':
    case 'browser-shield':
    case 'edge-shield':
      return latency.browserEdgeRttMs;
    case 'alb-edge':
    case 'edge-s3':
      return latency.edgeOriginRttMs;
    case 'app-thirdparty':
      return latency.thirdPartyRttMs;
    case 'edge-waf':
      // WAF evaluation happens inside the edge location: no network between them.
      return 0;
    default:
      return latency.vpcRttMs;
  }
}

/** The link a leg between two endpoints is drawn on, and what it carries. */
export function linkFor(dbEngine: DbEngine, from: NodeId, to: NodeId): LinkInfo {
  const all = links(dbEngine);
  const direct = all.find((l) => (l.a === from && l.b === to) || (l.a === to && l.b === from));
  if (direct) return direct;
  if ((from === 'browser' && to === 'edge') || (from === 'edge' && to === 'browser')) {
    return { id: 'browser-shield', a: 'browser', b: 'edge', protocol: 'HTTPS', port: 443, label: 'HTTPS · 443' };
  }
  throw new Error(`No link between ${from} and ${to}`);
}
