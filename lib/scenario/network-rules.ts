/**
 * The network's filters as a scenario holds them: each security group's rules and each tier's network ACL, as
 * data a link, a file or a preset can change. The engine turns them into evaluators (lib/sim/net); this file
 * says what a rule is, what AWS would refuse, how a link writes one, and the rules every scenario starts from.
 *
 * A rule is written as the console lists it, one field after another, `:` between them:
 * - a security group rule: `in:tcp:5432:sg-app`, `out:all:0.0.0.0/0` (direction, protocol, ports, peer);
 * - a network ACL rule: `in:100:allow:tcp:1024-65535:10.0.0.0/16`, `out:200:deny:all:0.0.0.0/0` (direction, number,
 *   action, protocol, ports, block).
 * `all` carries no ports. Ports are one port, a range `low-high`, or `db`: the database engine's own port, so the
 * usual rules stay right whichever engine a scenario picks.
 */
import { parseCidr } from './cidr';

export const SECURITY_GROUP_IDS = ['sg-alb', 'sg-web', 'sg-app', 'sg-db'] as const;
export type SecurityGroupId = (typeof SECURITY_GROUP_IDS)[number];

/**
 * The AWS-managed prefix list of CloudFront's origin-facing servers (Amazon CloudFront Developer Guide, "Use the
 * CloudFront managed prefix list"): the one prefix list a rule here can name.
 */
export const CLOUDFRONT_PREFIX_LIST = 'com.amazonaws.global.cloudfront.origin-facing';
export const PREFIX_LIST_NAMES = [CLOUDFRONT_PREFIX_LIST] as const;

export const RULE_DIRECTIONS = ['in', 'out'] as const;
export type RuleDirection = (typeof RULE_DIRECTIONS)[number];
/** ICMP, with its types and codes, is left out: nothing in this world sends it. */
export const RULE_PROTOCOLS = ['tcp', 'udp', 'all'] as const;
export type RuleProtocol = (typeof RULE_PROTOCOLS)[number];
export const NACL_ACTIONS = ['allow', 'deny'] as const;
export type NaclAction = (typeof NACL_ACTIONS)[number];

/** Rule numbers are "positive integer from 1 to 32766" (Amazon EC2 API Reference, CreateNetworkAclEntry). */
export const NACL_RULE_NUMBERS = { lowest: 1, highest: 32766 } as const;
/** Inbound or outbound rules per security group: 60 by default (Amazon VPC User Guide, "Amazon VPC quotas"). */
export const MAX_SG_RULES_PER_DIRECTION = 60;
/** Rules per network ACL: 20 each way by default (Amazon VPC User Guide, "Amazon VPC quotas"). */
export const MAX_NACL_RULES_PER_DIRECTION = 20;
/** The ports a rule names for "the database's port, whichever engine it is". */
export const DB_PORT_ALIAS = 'db';

/** A security group rule: allow-only, so it has no action and no number (every rule is evaluated). */
export interface SgRuleSpec {
  dir: RuleDirection;
  protocol: RuleProtocol;
  /** `5432`, `1024-65535` or `db`; none for `all`. */
  ports?: string;
  /** A security group id, a CIDR block or a prefix list: the source of inbound traffic, the destination of outbound. */
  peer: string;
}

/** A network ACL rule: numbered, allow or deny, matched lowest number first. */
export interface NaclRuleSpec {
  dir: RuleDirection;
  number: number;
  action: NaclAction;
  protocol: RuleProtocol;
  ports?: string;
  /** The source of inbound traffic, the destination of outbound. */
  cidr: string;
}

export type SgRuleSet = readonly SgRuleSpec[];
export type NaclRuleSet = readonly NaclRuleSpec[];

/**
 * Each group's rules and each tier's network ACL (associated with that tier's subnets in both zones). Plain arrays,
 * as the schema gives them; a scenario is never changed in place.
 */
export interface NetworkRules {
  sgAlb: SgRuleSpec[];
  sgWeb: SgRuleSpec[];
  sgApp: SgRuleSpec[];
  sgDb: SgRuleSpec[];
  naclPublic: NaclRuleSpec[];
  naclApp: NaclRuleSpec[];
  naclData: NaclRuleSpec[];
}

export interface PortRange {
  low: number;
  high: number;
}

/** `5432` or `1024-65535` within 0–65535, low first; `db`; else null. */
export function parsePorts(text: string): PortRange | typeof DB_PORT_ALIAS | null {
  if (text === DB_PORT_ALIAS) return DB_PORT_ALIAS;
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!match) return null;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= high && high <= 65535 ? { low, high } : null;
}

function isCidr(text: string): boolean {
  try {
    parseCidr(text);
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with a rule's protocol and ports, or null. */
function trafficProblem(protocol: RuleProtocol, ports: string | undefined): string | null {
  if (protocol === 'all') return ports === undefined ? null : 'protocol all covers every port, so it takes none';
  if (ports === undefined) return `protocol ${protocol} needs ports: one port, a range such as 1024-65535, or db`;
  return parsePorts(ports) === null ? `“${ports}” is not a port (0–65535), a range low-high, or db` : null;
}

/** What AWS would refuse in one security group rule, or null. */
export function sgRuleProblem(rule: SgRuleSpec): string | null {
  const traffic = trafficProblem(rule.protocol, rule.ports);
  if (traffic) return traffic;
  const peers = [...SECURITY_GROUP_IDS, ...PREFIX_LIST_NAMES] as readonly string[];
  if (!peers.includes(rule.peer) && !isCidr(rule.peer)) return `“${rule.peer}” is not a CIDR block without host bits, a group (${SECURITY_GROUP_IDS.join(', ')}) or ${CLOUDFRONT_PREFIX_LIST}`;
  return null;
}

/** What AWS would refuse in one network ACL rule, or null. */
export function naclRuleProblem(rule: NaclRuleSpec): string | null {
  if (!Number.isInteger(rule.number) || rule.number < NACL_RULE_NUMBERS.lowest || rule.number > NACL_RULE_NUMBERS.highest) {
    return `rule number ${rule.number} is outside ${NACL_RULE_NUMBERS.lowest}–${NACL_RULE_NUMBERS.highest}`;
  }
  const traffic = trafficProblem(rule.protocol, rule.ports);
  if (traffic) return traffic;
  return isCidr(rule.cidr) ? null : `“${rule.cidr}” is not a CIDR block without host bits`;
}

function tooMany<R extends { dir: RuleDirection }>(rules: readonly R[], max: number, what: string): string | null {
  for (const dir of RULE_DIRECTIONS) {
    if (rules.filter((r) => r.dir === dir).length > max) return `at most ${max} ${dir === 'in' ? 'inbound' : 'outbound'} ${what}`;
  }
  return null;
}

/** What AWS would refuse in a security group's rules, or null. */
export function sgRulesProblem(rules: SgRuleSet): string | null {
  for (const [index, rule] of rules.entries()) {
    const problem = sgRuleProblem(rule);
    if (problem) return `rule ${index + 1}: ${problem}`;
  }
  return tooMany(rules, MAX_SG_RULES_PER_DIRECTION, 'rules per security group');
}

/** What AWS would refuse in a network ACL's rules (a number used twice in one direction included), or null. */
export function naclRulesProblem(rules: NaclRuleSet): string | null {
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    const problem = naclRuleProblem(rule);
    if (problem) return `rule ${index + 1}: ${problem}`;
    const key = `${rule.dir}:${rule.number}`;
    if (seen.has(key)) return `${rule.dir === 'in' ? 'inbound' : 'outbound'} rule number ${rule.number} is used twice`;
    seen.add(key);
  }
  return tooMany(rules, MAX_NACL_RULES_PER_DIRECTION, 'rules per network ACL');
}

// ── Link text ──────────────────────────────────────────────────────────────────────────────────────────────

export function formatSgRule(rule: SgRuleSpec): string {
  return [rule.dir, rule.protocol, ...(rule.ports === undefined ? [] : [rule.ports]), rule.peer].join(':');
}

export function formatNaclRule(rule: NaclRuleSpec): string {
  return [rule.dir, rule.number, rule.action, rule.protocol, ...(rule.ports === undefined ? [] : [rule.ports]), rule.cidr].join(':');
}

/** `none` for no rules, else the rules in their order, comma-separated. */
export function formatRules<R>(rules: readonly R[], format: (rule: R) => string): string {
  return rules.length ? rules.map(format).join(',') : 'none';
}

export type RulesRead<R> = { ok: true; rules: R[] } | { ok: false; message: string };

function oneOf<V extends string>(values: readonly V[], text: string | undefined): V | undefined {
  return values.find((v) => v === text);
}

/** Direction, protocol, then ports unless the protocol is `all`: the fields both kinds of rule share, from `fields[at]` on. */
function readTraffic(fields: readonly string[], at: number): { protocol: RuleProtocol; ports?: string; rest: string[] } | string {
  const protocol = oneOf(RULE_PROTOCOLS, fields[at]);
  if (!protocol) return `the protocol must be one of ${RULE_PROTOCOLS.join(', ')}`;
  const rest = fields.slice(at + 1);
  if (protocol === 'all') return { protocol, rest };
  const [ports, ...after] = rest;
  return { protocol, ports: ports ?? '', rest: after };
}

function readRules<R>(raw: string, max: number, example: string, readOne: (fields: string[]) => R | string | null, problem: (rules: R[]) => string | null): RulesRead<R> {
  if (raw === '' || raw === 'none') return { ok: true, rules: [] };
  const parts = raw.split(',');
  if (parts.length > 2 * max) return { ok: false, message: `expected at most ${max} rules each way` };
  const rules: R[] = [];
  for (const [index, part] of parts.entries()) {
    const read = readOne(part.split(':'));
    if (typeof read === 'string') return { ok: false, message: `rule ${index + 1} (“${part.slice(0, 60)}”): ${read}; a rule reads like ${example}` };
    if (read !== null) rules.push(read);
  }
  const wrong = problem(rules);
  return wrong ? { ok: false, message: wrong } : { ok: true, rules };
}

/** A security group's rules from a link: `in:tcp:5432:sg-app,out:all:0.0.0.0/0`, or `none`. Never throws. */
export function parseSgRules(raw: string): RulesRead<SgRuleSpec> {
  return readRules(
    raw,
    MAX_SG_RULES_PER_DIRECTION,
    'in:tcp:5432:sg-app or out:all:0.0.0.0/0',
    (fields) => {
      const dir = oneOf(RULE_DIRECTIONS, fields[0]);
      if (!dir) return 'it must start with in or out';
      const traffic = readTraffic(fields, 1);
      if (typeof traffic === 'string') return traffic;
      if (traffic.rest.length !== 1) return 'it needs exactly one peer after the ports: a group, a CIDR block or a prefix list';
      const rule: SgRuleSpec = { dir, protocol: traffic.protocol, ...(traffic.ports === undefined ? {} : { ports: traffic.ports }), peer: traffic.rest[0]! };
      return sgRuleProblem(rule) ?? rule;
    },
    sgRulesProblem,
  );
}

/**
 * A network ACL's rules from a link: `in:100:allow:tcp:5432:10.0.21.0/24,out:100:allow:tcp:1024-65535:10.0.21.0/24`,
 * or `none`. The `*` rule is always there and always last; a link may write it (`in:*:deny`), and it is left out
 * when written back. Never throws.
 */
export function parseNaclRules(raw: string): RulesRead<NaclRuleSpec> {
  return readRules(
    raw,
    MAX_NACL_RULES_PER_DIRECTION,
    'in:100:allow:tcp:1024-65535:10.0.0.0/16',
    (fields) => {
      const dir = oneOf(RULE_DIRECTIONS, fields[0]);
      if (!dir) return 'it must start with in or out';
      if (fields[1] === '*') return fields.length === 3 && fields[2] === 'deny' ? null : 'the * rule always denies and takes nothing else: write it in:*:deny, or leave it out';
      const number = /^\d{1,5}$/.test(fields[1] ?? '') ? Number(fields[1]) : NaN;
      if (Number.isNaN(number)) return `the rule number must be a whole number from ${NACL_RULE_NUMBERS.lowest} to ${NACL_RULE_NUMBERS.highest}`;
      const action = oneOf(NACL_ACTIONS, fields[2]);
      if (!action) return 'the action must be allow or deny';
      const traffic = readTraffic(fields, 3);
      if (typeof traffic === 'string') return traffic;
      if (traffic.rest.length !== 1) return 'it needs exactly one CIDR block after the ports';
      const rule: NaclRuleSpec = { dir, number, action, protocol: traffic.protocol, ...(traffic.ports === undefined ? {} : { ports: traffic.ports }), cidr: traffic.rest[0]! };
      return naclRuleProblem(rule) ?? rule;
    },
    naclRulesProblem,
  );
}

// ── Words ──────────────────────────────────────────────────────────────────────────────────────────────────

function trafficWords(protocol: RuleProtocol, ports: string | undefined): string {
  if (protocol === 'all') return 'all traffic';
  return `${protocol.toUpperCase()} ${ports === DB_PORT_ALIAS ? "the database's port" : ports}`;
}

/** A security group rule as the console reads it: “inbound TCP 5432 from sg-app”. */
export function describeSgRule(rule: SgRuleSpec): string {
  return `${rule.dir === 'in' ? 'inbound' : 'outbound'} ${trafficWords(rule.protocol, rule.ports)} ${rule.dir === 'in' ? 'from' : 'to'} ${rule.peer}`;
}

/** A network ACL rule as the console reads it: “100 allow TCP 1024-65535 from 10.0.21.0/24”. */
export function describeNaclRule(rule: NaclRuleSpec): string {
  return `${rule.number} ${rule.action} ${trafficWords(rule.protocol, rule.ports)} ${rule.dir === 'in' ? 'from' : 'to'} ${rule.cidr}`;
}

// ── The rules every scenario starts from ───────────────────────────────────────────────────────────────────

/** A new security group allows all outbound traffic (Amazon VPC User Guide, "Security group rules"). */
const ALL_OUTBOUND: SgRuleSpec = { dir: 'out', protocol: 'all', peer: '0.0.0.0/0' };

/**
 * The VPC's default network ACL: rule 100 allows all IPv4 traffic each way (Amazon VPC User Guide, "Default network
 * ACL"). Every tier keeps it until a scenario gives it other rules.
 */
export const DEFAULT_NACL_RULES: NaclRuleSpec[] = [
  { dir: 'in', number: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' },
  { dir: 'out', number: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' },
];

/**
 * The usual chain: each tier opens only the port the tier before it uses, to that tier's group, and the load
 * balancer only HTTPS from CloudFront's origin-facing servers (the defence-stack lesson's table). Nginx and the
 * app run as pods with groups of their own (Amazon EKS User Guide, "Security groups for Pods").
 */
export const DEFAULT_NETWORK: NetworkRules = {
  sgAlb: [{ dir: 'in', protocol: 'tcp', ports: '443', peer: CLOUDFRONT_PREFIX_LIST }, ALL_OUTBOUND],
  sgWeb: [{ dir: 'in', protocol: 'tcp', ports: '80', peer: 'sg-alb' }, ALL_OUTBOUND],
  sgApp: [{ dir: 'in', protocol: 'tcp', ports: '8080', peer: 'sg-web' }, ALL_OUTBOUND],
  sgDb: [{ dir: 'in', protocol: 'tcp', ports: DB_PORT_ALIAS, peer: 'sg-app' }, ALL_OUTBOUND],
  naclPublic: DEFAULT_NACL_RULES,
  naclApp: DEFAULT_NACL_RULES,
  naclData: DEFAULT_NACL_RULES,
};
