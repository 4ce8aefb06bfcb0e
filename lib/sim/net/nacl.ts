/**
 * Network ACLs: a subnet's stateless filter (Amazon VPC User Guide, "Control traffic to subnets using network
 * ACLs"). Each has numbered inbound and outbound rules, allow or deny, evaluated lowest number first; the
 * first match decides, and a packet no rule matches meets the `*` rule, which denies and cannot be removed.
 * Stateless: a reply is just another packet and needs a rule of its own, on the client's ephemeral port; and a
 * rule that blocks traffic cuts connections already open, since nothing is tracked (Amazon EC2 User Guide,
 * "Security group connection tracking": "Adding a network ACL that blocks traffic in either direction breaks
 * existing connections"). A network ACL filters what enters or leaves its subnet, so traffic between two
 * addresses of one subnet never meets it.
 *
 * The rules themselves are scenario data (lib/scenario/network-rules.ts); here they become an evaluator.
 */
import type { DbEngine } from '@/lib/scenario/schema';
import { cidrContains } from '@/lib/scenario/cidr';
import { DEFAULT_NACL_RULES, describeNaclRule, type NaclAction, type NaclRuleSpec } from '@/lib/scenario/network-rules';
import { trafficOf, withDbPort } from './security-groups';
import { trafficMatches, type Direction, type Packet, type RuleTraffic } from './traffic';

export { NACL_RULE_NUMBERS } from '@/lib/scenario/network-rules';

export type NaclRule = RuleTraffic & {
  number: number;
  /** The source of an inbound packet, the destination of an outbound one. */
  cidr: string;
  action: NaclAction;
  /** The rule as the console reads it: “100 allow TCP 5432 from 10.0.21.0/24”. */
  text?: string;
};

export interface NetworkAcl {
  id: string;
  inbound: readonly NaclRule[];
  outbound: readonly NaclRule[];
}

/** The `*` rule every network ACL ends with, in words. */
export const STAR_RULE_TEXT = '* deny all traffic';

/** A network ACL from a scenario's rules, each direction in number order, the database's port resolved. */
export function networkAcl(id: string, specs: readonly NaclRuleSpec[], engine: DbEngine): NetworkAcl {
  const rules = (dir: NaclRuleSpec['dir']) =>
    specs
      .filter((r) => r.dir === dir)
      .map((r): NaclRule => ({ ...trafficOf(r, engine), number: r.number, cidr: r.cidr, action: r.action, text: describeNaclRule(withDbPort(r, engine)) }))
      .sort((a, b) => a.number - b.number);
  return { id, inbound: rules('in'), outbound: rules('out') };
}

/**
 * The VPC's default network ACL, which every subnet is associated with until given another: rule 100 allows all
 * IPv4 traffic each way (Amazon VPC User Guide, "Default network ACL"). A new custom network ACL has no numbered
 * rules, so its `*` rule denies everything.
 */
export const DEFAULT_NACL: NetworkAcl = networkAcl('acl-default', DEFAULT_NACL_RULES, 'postgres');

/** What decided: a numbered rule, or `*` when none matched. */
export interface NaclVerdict {
  action: NaclAction;
  rule: number | '*';
  /** The deciding rule in words. */
  text: string;
}

export function naclVerdict(acl: NetworkAcl, direction: Direction, packet: Packet): NaclVerdict {
  // The lowest-numbered match, wherever it is listed: one pass, no sorted copy.
  let first: NaclRule | undefined;
  for (const rule of acl[direction]) {
    if ((first === undefined || rule.number < first.number) && trafficMatches(rule, packet) && cidrContains(rule.cidr, packet.peer)) first = rule;
  }
  return first ? { action: first.action, rule: first.number, text: first.text ?? `${first.number} ${first.action}` } : { action: 'deny', rule: '*', text: STAR_RULE_TEXT };
}
