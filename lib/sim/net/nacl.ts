/**
 * Network ACLs: a subnet's stateless filter (Amazon VPC User Guide, "Control traffic to subnets using network
 * ACLs"). Each has numbered inbound and outbound rules, allow or deny, evaluated lowest number first; the
 * first match decides, and a packet no rule matches meets the `*` rule, which denies and cannot be removed.
 * Stateless: a reply is just another packet and needs a rule of its own, on the client's ephemeral port.
 * A network ACL filters what enters or leaves its subnet, so traffic between two addresses of one subnet never
 * meets it.
 */
import { cidrContains, parseCidr } from './cidr';
import { ALL_PORTS } from './ports';
import { trafficMatches, type Direction, type Packet, type RuleTraffic } from './traffic';

/** Rule numbers are "positive integer from 1 to 32766" (Amazon EC2 API Reference, CreateNetworkAclEntry). */
export const NACL_RULE_NUMBERS = { lowest: 1, highest: 32766 } as const;

export type NaclAction = 'allow' | 'deny';

export type NaclRule = RuleTraffic & {
  number: number;
  /** The source of an inbound packet, the destination of an outbound one. */
  cidr: string;
  action: NaclAction;
};

export interface NetworkAcl {
  id: string;
  inbound: readonly NaclRule[];
  outbound: readonly NaclRule[];
}

const ALLOW_ALL: NaclRule = { number: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' };

/**
 * The VPC's default network ACL, which every subnet is associated with until given another: rule 100 allows all
 * IPv4 traffic each way (Amazon VPC User Guide, "Default network ACL"). A new custom network ACL has no numbered
 * rules, so its `*` rule denies everything.
 */
export const DEFAULT_NACL: NetworkAcl = { id: 'acl-default', inbound: [ALLOW_ALL], outbound: [ALLOW_ALL] };

/** What decided: a numbered rule, or `*` when none matched. */
export interface NaclVerdict {
  action: NaclAction;
  rule: number | '*';
}

export function naclVerdict(acl: NetworkAcl, direction: Direction, packet: Packet): NaclVerdict {
  const rules = [...acl[direction]].sort((a, b) => a.number - b.number);
  const first = rules.find((rule) => trafficMatches(rule, packet) && cidrContains(rule.cidr, packet.peer));
  return first ? { action: first.action, rule: first.number } : { action: 'deny', rule: '*' };
}

/** What AWS would refuse to store: a number out of range or used twice in one direction, a malformed block or port range. */
export function naclProblems(acl: NetworkAcl): string[] {
  const problems: string[] = [];
  for (const direction of ['inbound', 'outbound'] as const) {
    const seen = new Set<number>();
    for (const rule of acl[direction]) {
      const where = `${acl.id} ${direction} rule ${rule.number}`;
      if (!Number.isInteger(rule.number) || rule.number < NACL_RULE_NUMBERS.lowest || rule.number > NACL_RULE_NUMBERS.highest) problems.push(`${where}: number out of range`);
      if (seen.has(rule.number)) problems.push(`${where}: number used twice`);
      seen.add(rule.number);
      try {
        parseCidr(rule.cidr);
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
      }
      if (rule.protocol !== 'all' && !(rule.ports.low >= ALL_PORTS.low && rule.ports.low <= rule.ports.high && rule.ports.high <= ALL_PORTS.high)) problems.push(`${where}: bad port range`);
    }
  }
  return problems;
}
