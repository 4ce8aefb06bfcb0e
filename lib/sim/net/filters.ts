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
 * The rules are fixed for a run, so each verdict is worked out once per world: per pair of services, per kind of
 * packet (a SYN, or any other), per connection (whose ephemeral port it uses), and kept.
 */
import type { Scenario } from '@/lib/scenario/schema';
import type { SecurityGroupId } from '@/lib/scenario/network-rules';
import { DB_PORTS } from '@/lib/scenario/vocabulary';
import { addressOf, networkAcls, PLACEMENT, subnetOf } from '../network';
import { links, NODES } from '../topology';
import { NODE_IDS, NODE_INDEX, type NodeId } from '../types';
import { naclVerdict, type NetworkAcl } from './nacl';
import { ephemeralPort } from './ports';
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

/** Packets from one service to another over a link that crosses a filter, and their verdicts so far. */
export class Route {
  /** By connection, the verdict on a SYN, and on any other packet: null passes. */
  private readonly synVerdicts: (Denial | null)[] = [];
  private readonly verdicts: (Denial | null)[] = [];

  constructor(
    private readonly filters: PacketFilters,
    readonly sender: End,
    readonly receiver: End,
    /** The side that dials: the ephemeral port is its. */
    readonly client: NodeId,
    readonly server: NodeId,
    readonly serverPort: number,
    private readonly connections: Connections,
  ) {}

  /** What drops the next packet on this route, or null. A SYN opens a new connection, with a new ephemeral port. */
  verdict(syn: boolean): Denial | null {
    const opening = syn && this.sender.node === this.client;
    if (opening) this.connections.syns += 1;
    const index = this.connections.syns;
    const memo = opening ? this.synVerdicts : this.verdicts;
    let verdict = memo[index];
    if (verdict === undefined) memo[index] = verdict = this.judge(opening, index);
    return verdict;
  }

  private judge(opening: boolean, index: number): Denial | null {
    const { sender, receiver } = this;
    const clientPort = ephemeralPort(this.filters.seed, this.client, this.server, index);
    const reply = sender.node !== this.client;
    const [sourcePort, destinationPort] = reply ? [this.serverPort, clientPort] : [clientPort, this.serverPort];
    const packet = { source: sender.address, sourcePort, destination: receiver.address, destinationPort, reply, client: this.client };
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

/** A world's filters: the scenario's rules as evaluators, and a route for every pair of services a filter sits between. */
export class PacketFilters {
  private readonly routes: (Route | null)[];

  constructor(
    network: Scenario['network'],
    engine: Scenario['db']['engine'],
    readonly seed: number,
  ) {
    const { groups, acls } = evaluators(network, engine);
    const end = (node: NodeId, other: NodeId): End => {
      const subnet = subnetOf(node);
      const between = subnet !== null && subnet.id !== subnetOf(other)?.id;
      const groupIds = PLACEMENT[node].securityGroups;
      return { node, address: addressOf(node)!, groupIds, groups: groupIds.map((id) => groups[id]), acl: between ? acls[subnet.nacl] : null };
    };
    this.routes = new Array<Route | null>(NODE_IDS.length * NODE_IDS.length).fill(null);
    for (const link of links(engine)) {
      const { a: client, b: server } = link;
      // Only links between two addresses, one of them inside the VPC, cross a filter.
      if (!addressOf(client) || !addressOf(server) || (!subnetOf(client) && !subnetOf(server))) continue;
      const port = link.id === 'app-db' ? DB_PORTS[engine] : link.port!;
      const connections: Connections = { syns: 0 };
      this.routes[slot(client, server)] = new Route(this, end(client, server), end(server, client), client, server, port, connections);
      this.routes[slot(server, client)] = new Route(this, end(server, client), end(client, server), client, server, port, connections);
    }
  }

  /** The route from one service to another, or null when no filter sits between them. */
  route(from: NodeId, to: NodeId): Route | null {
    return this.routes[slot(from, to)] ?? null;
  }
}

type Evaluators = { groups: ReturnType<typeof securityGroups>; acls: ReturnType<typeof networkAcls> };
const evaluatorsByRules = new WeakMap<Scenario['network'], Map<Scenario['db']['engine'], Evaluators>>();

/** The rules turned into evaluators once per set of rules and engine: every run of the default scenario shares them. */
function evaluators(network: Scenario['network'], engine: Scenario['db']['engine']): Evaluators {
  let byEngine = evaluatorsByRules.get(network);
  if (!byEngine) evaluatorsByRules.set(network, (byEngine = new Map()));
  let found = byEngine.get(engine);
  if (!found) byEngine.set(engine, (found = { groups: securityGroups(engine, network), acls: networkAcls(network, engine) }));
  return found;
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
