/**
 * Every packet that crosses into, out of or inside the VPC meets the network's filters, in the order a packet
 * meets them (Amazon VPC User Guide, "Compare security groups and network ACLs"): leaving, its interface's
 * security groups, then its subnet's network ACL; arriving, the other subnet's network ACL, then the other
 * interface's security groups. Network ACLs sit only between subnets, so two services of one subnet never meet one.
 *
 * - Security groups judge the SYN that opens a connection: once through, the connection is tracked, and its
 *   packets pass both ways whatever the rules say; so does a connection that was open before the run (a warm
 *   pool), which the groups were already tracking when the rules changed (security-groups.ts).
 * - Network ACLs judge every packet, the SYN, the data and every reply, on its destination port: the server's
 *   port one way, the client's ephemeral port the other (nacl.ts, ports.ts).
 * - Neither answers what it drops: no reset, no ICMP. The sender hears nothing and waits for its timeout. A reset
 *   comes only from a host that receives a SYN on a port where nothing listens (nodes/thirdparty.ts).
 *
 * The rules are fixed for a run, so a verdict is worked out once and kept: per set of rules and engine, for each
 * pair of services, kind of packet (a SYN, or any other) and client port, shared by every world with those rules;
 * and per world for each connection, so a packet costs an array look-up.
 */
import type { Scenario } from '@/lib/scenario/schema';
import type { SecurityGroupId } from '@/lib/scenario/network-rules';
import { DB_PORTS } from '@/lib/scenario/vocabulary';
import { addressOf, networkAcls, PLACEMENT, subnetOf } from '../network';
import { links, NODES } from '../topology';
import { NODE_IDS, NODE_INDEX, type NodeId } from '../types';
import { naclVerdict, type NetworkAcl } from './nacl';
import { ephemeralPort, ephemeralRangeOf } from './ports';
import { securityGroups, sgVerdict, type SecurityGroup } from './security-groups';
import type { Direction, Packet } from './traffic';

/** Where a packet was dropped, by what, and what it was. */
export interface Denial {
  /** The service whose interface (a security group) or whose subnet's edge (a network ACL) dropped it. */
  node: NodeId;
  filter: 'security group' | 'network ACL';
  /** `sg-db`, `acl-data`. */
  id: string;
  direction: Direction;
  /** The network ACL rule that matched (`*` when none did); null for a security group, where no rule matched. */
  rule: number | '*' | null;
  /** The matching rule in words, or for a security group the rules that did not match. */
  ruleText: string;
  source: string;
  sourcePort: number;
  destination: string;
  destinationPort: number;
  /** The packet reached the other end's subnet or interface first: it travelled the link, then died. */
  onArrival: boolean;
  /** The packet answers the client (a SYN-ACK, a response): it went to the client's ephemeral port. */
  reply: boolean;
  /** The side that dialled, whose ephemeral port the connection uses. */
  client: NodeId;
}

/** One end of a pair, as the filters see it. */
interface End {
  node: NodeId;
  address: string;
  groupIds: readonly SecurityGroupId[];
  groups: readonly SecurityGroup[];
  /** The network ACL of its subnet when the other end is in another subnet; null when none sits between them. */
  acl: NetworkAcl | null;
}

/** The client side's connections between two services: how many SYNs it has sent (0: the one open before the run). */
interface Connections {
  syns: number;
}

/**
 * What packets from one service to another always meet under one set of rules and one engine, shared by every
 * world that has them, with the packets judged so far: the same rules judge the same packet the same way.
 */
interface Way {
  sender: End;
  receiver: End;
  /** The side that dials: the ephemeral port is its. */
  client: NodeId;
  server: NodeId;
  serverPort: number;
  /** By `clientPort × 2 + (SYN ? 1 : 0)`. */
  judged: Map<number, Denial | null>;
  /** Nothing on this way is ever dropped, whatever the client's port: the default network's every way. */
  open: boolean;
}

/** Packets from one service to another over a link that crosses a filter, in one world, and their verdicts so far. */
export class Route {
  /** By connection, the verdict on a SYN, and on any other packet: null passes. */
  private readonly synVerdicts: (Denial | null)[] = [];
  private readonly verdicts: (Denial | null)[] = [];

  constructor(
    private readonly way: Way,
    private readonly seed: number,
    private readonly connections: Connections,
  ) {}

  /** Nothing on this route is ever dropped: its verdicts cost nothing. */
  get open(): boolean {
    return this.way.open;
  }

  /** What drops the next packet on this route, or null. A SYN opens a new connection, with a new ephemeral port. */
  verdict(syn: boolean): Denial | null {
    const opening = syn && this.way.sender.node === this.way.client;
    if (opening) this.connections.syns += 1;
    if (this.way.open) return null;
    const index = this.connections.syns;
    const memo = opening ? this.synVerdicts : this.verdicts;
    let verdict = memo[index];
    if (verdict === undefined) {
      const clientPort = ephemeralPort(this.seed, this.way.client, this.way.server, index);
      const key = clientPort * 2 + (opening ? 1 : 0);
      verdict = this.way.judged.get(key);
      if (verdict === undefined) this.way.judged.set(key, (verdict = judge(this.way, opening, clientPort)));
      memo[index] = verdict;
    }
    return verdict;
  }
}

function judge(way: Way, opening: boolean, clientPort: number): Denial | null {
  const { sender, receiver } = way;
  const reply = sender.node !== way.client;
  const [sourcePort, destinationPort] = reply ? [way.serverPort, clientPort] : [clientPort, way.serverPort];
  const packet = { source: sender.address, sourcePort, destination: receiver.address, destinationPort, reply, client: way.client };
  const leaving: Packet = { protocol: 'tcp', port: destinationPort, peer: receiver.address };
  const arriving: Packet = { ...leaving, peer: sender.address };
  if (opening && sender.groups.length > 0) {
    if (!sgVerdict(sender.groups, 'outbound', leaving, { peerGroups: receiver.groupIds }).allowed) return sgDenial(sender, 'outbound', packet, false);
  }
  if (sender.acl) {
    const v = naclVerdict(sender.acl, 'outbound', leaving);
    if (v.action === 'deny') return { ...packet, node: sender.node, filter: 'network ACL', id: sender.acl.id, direction: 'outbound', rule: v.rule, ruleText: v.text, onArrival: false };
  }
  if (receiver.acl) {
    const v = naclVerdict(receiver.acl, 'inbound', arriving);
    if (v.action === 'deny') return { ...packet, node: receiver.node, filter: 'network ACL', id: receiver.acl.id, direction: 'inbound', rule: v.rule, ruleText: v.text, onArrival: true };
  }
  if (opening && receiver.groups.length > 0) {
    if (!sgVerdict(receiver.groups, 'inbound', arriving, { peerGroups: sender.groupIds }).allowed) return sgDenial(receiver, 'inbound', packet, true);
  }
  return null;
}

function sgDenial(end: End, direction: Direction, packet: Pick<Denial, 'source' | 'sourcePort' | 'destination' | 'destinationPort' | 'reply' | 'client'>, onArrival: boolean): Denial {
  const rules = end.groups.flatMap((g) => g[direction].map((r) => r.text));
  return {
    ...packet,
    node: end.node,
    filter: 'security group',
    id: end.groupIds.join(', '),
    direction,
    rule: null,
    ruleText: rules.length ? rules.join('; ') : `no ${direction} rules`,
    onArrival,
  };
}

/** Every pair's way under one set of rules and one engine, by `slot`: null where no filter sits between them. */
function waysFor(network: Scenario['network'], engine: Scenario['db']['engine']): readonly (Way | null)[] {
  const groups = securityGroups(engine, network);
  const acls = networkAcls(network, engine);
  const end = (node: NodeId, other: NodeId): End => {
    const subnet = subnetOf(node);
    const between = subnet !== null && subnet.id !== subnetOf(other)?.id;
    const groupIds = PLACEMENT[node].securityGroups;
    return { node, address: addressOf(node)!, groupIds, groups: groupIds.map((id) => groups[id]), acl: between ? acls[subnet.nacl] : null };
  };
  const ways = new Array<Way | null>(NODE_IDS.length * NODE_IDS.length).fill(null);
  for (const link of links(engine)) {
    const { a: client, b: server } = link;
    // Only links between two addresses, one of them inside the VPC, cross a filter.
    if (!addressOf(client) || !addressOf(server) || (!subnetOf(client) && !subnetOf(server))) continue;
    const serverPort = link.id === 'app-db' ? DB_PORTS[engine] : link.port!;
    for (const [from, to] of [[client, server], [server, client]] as const) {
      const way: Way = { sender: end(from, to), receiver: end(to, from), client, server, serverPort, judged: new Map(), open: false };
      const kinds = from === client ? [true, false] : [false];
      way.open = clientPortsThatMatter(way).every((port) => kinds.every((opening) => judge(way, opening, port) === null));
      ways[slot(from, to)] = way;
    }
  }
  return ways;
}

/**
 * Client ports enough to know every verdict a way can give: towards the server the port plays no part (a rule
 * matches the destination, the server's port), so one will do; towards the client the verdict can change only
 * where a network ACL rule's port range starts or ends, so the client's ephemeral range is tried at its start
 * and at every such edge inside it.
 */
function clientPortsThatMatter(way: Way): number[] {
  const range = ephemeralRangeOf(way.client);
  if (way.sender.node === way.client) return [range.low];
  const rules = [...(way.sender.acl?.outbound ?? []), ...(way.receiver.acl?.inbound ?? [])];
  const edges = rules.flatMap((r) => (r.protocol === 'all' ? [] : [r.ports.low, r.ports.high + 1]));
  return [range.low, ...edges.filter((port) => port > range.low && port <= range.high)];
}

const waysByRules = new WeakMap<Scenario['network'], Map<Scenario['db']['engine'], readonly (Way | null)[]>>();

/** The ways once per set of rules and engine: every run of the default scenario shares them, and their verdicts. */
function sharedWays(network: Scenario['network'], engine: Scenario['db']['engine']): readonly (Way | null)[] {
  let byEngine = waysByRules.get(network);
  if (!byEngine) waysByRules.set(network, (byEngine = new Map()));
  let found = byEngine.get(engine);
  if (!found) byEngine.set(engine, (found = waysFor(network, engine)));
  return found;
}

/** A world's filters: a route, made when first asked for, for every pair of services a filter sits between. */
export class PacketFilters {
  private readonly ways: readonly (Way | null)[];
  // Filled up front: an array written first at a high index would keep its elements in a slow dictionary.
  private readonly routes = new Array<Route | null | undefined>(NODE_IDS.length * NODE_IDS.length).fill(undefined);
  /** Per client and server, shared by the routes both ways. */
  private readonly connections = new Array<Connections | undefined>(NODE_IDS.length * NODE_IDS.length).fill(undefined);

  constructor(
    network: Scenario['network'],
    engine: Scenario['db']['engine'],
    private readonly seed: number,
  ) {
    this.ways = sharedWays(network, engine);
  }

  /** The route from one service to another, or null when no filter sits between them. */
  route(from: NodeId, to: NodeId): Route | null {
    const at = slot(from, to);
    let route = this.routes[at];
    if (route === undefined) {
      const way = this.ways[at] ?? null;
      if (way) {
        const pair = slot(way.client, way.server);
        const connections = (this.connections[pair] ??= { syns: 0 });
        route = new Route(way, this.seed, connections);
      } else route = null;
      this.routes[at] = route;
    }
    return route;
  }
}

function slot(from: NodeId, to: NodeId): number {
  return NODE_INDEX[from] * NODE_IDS.length + NODE_INDEX[to];
}

// ── Words ──────────────────────────────────────────────────────────────────────────────────────────────────

/** “TCP 10.0.31.84:5432 → 10.0.21.57:40211”. */
export function packetWords(d: Denial): string {
  return `TCP ${d.source}:${d.sourcePort} → ${d.destination}:${d.destinationPort}`;
}

/** The deciding rule and what it did, in the console's words: `NACL acl-data outbound rule * denies TCP …`. */
export function denialDecision(d: Denial): string {
  return d.filter === 'network ACL'
    ? `NACL ${d.id} ${d.direction} rule ${d.rule} denies ${packetWords(d)}`
    : `security group ${d.id} ${d.direction}: no rule allows ${packetWords(d)}`;
}

/** One or two sentences: what was dropped, where, by which rule, and why the sender will only hear silence. */
export function denialNarration(d: Denial, what: string): string {
  const where = NODES[d.node].label;
  const port = d.reply ? `port ${d.destinationPort}, the ${NODES[d.client].label.toLowerCase()}'s ephemeral port` : `port ${d.destinationPort}`;
  if (d.filter === 'security group') {
    return `Security group ${d.id} on the ${where.toLowerCase()} drops ${what} (${packetWords(d)}): no ${d.direction} rule allows it (${d.ruleText}). Security groups only allow, and drop the rest without a word, so the sender waits.`;
  }
  const rule =
    d.rule === '*'
      ? `no numbered rule matches TCP to ${port}, so the * rule denies it`
      : `rule ${d.ruleText} matches first and denies it`;
  const side = d.direction === 'inbound' ? `as it enters the ${where.toLowerCase()}'s subnet` : `as it leaves the ${where.toLowerCase()}'s subnet`;
  const stateless = d.reply ? ' A network ACL is stateless: a reply needs a rule of its own for the ephemeral ports.' : ' Nothing answers a dropped packet, so the sender waits.';
  return `Network ACL ${d.id} drops ${what} ${side}: ${rule}.${stateless}`;
}

/** The facts the inspector lists for a dropped packet. */
export function denialDetail(d: Denial): Record<string, string | number | boolean> {
  return {
    filter: d.filter,
    id: d.id,
    direction: d.direction,
    rule: d.rule === null ? 'none matched' : String(d.rule),
    ruleText: d.ruleText,
    protocol: 'TCP',
    source: d.source,
    sourcePort: d.sourcePort,
    destination: d.destination,
    destinationPort: d.destinationPort,
  };
}
