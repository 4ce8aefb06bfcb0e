/**
 * An AWS WAF web ACL, evaluated the way AWS WAF does (AWS WAF Developer Guide, "Web ACL rule and rule group evaluation"):
 * - rules run in priority order, lowest number first;
 * - ALLOW and BLOCK stop evaluation; COUNT records the match and goes on;
 * - CAPTCHA and CHALLENGE stop evaluation unless the request carries a valid token (the rate-based rule, rate-rule.ts);
 * - when no rule stops evaluation, the ACL's default action applies;
 * - BLOCK answers 403 by default.
 *
 * The managed rule groups are modelled by what they inspect and the limits AWS documents:
 * AWSManagedRulesCommonRuleSet (size limits, XSS) and AWSManagedRulesSQLiRuleSet (SQL injection).
 */
import { detectSqli } from './sqli';
import { detectXss } from './xss';

export type WafAction = 'ALLOW' | 'BLOCK' | 'COUNT' | 'CAPTCHA' | 'CHALLENGE';
import type { WafMode } from '@/lib/scenario/schema';
export type { WafMode };

export interface InspectedRequest {
  sourceIp: string;
  /** The raw (still URL-encoded) query string. */
  query: string;
  body: string | null;
}

export interface RuleMatch {
  /** The managed rule inside the group that matched, e.g. `SQLi_QUERYARGUMENTS`. */
  label: string;
  reason: string;
}

export interface WafRule {
  name: string;
  priority: number;
  action: WafAction;
  /** The statement; returns the match, or null. */
  match: (req: InspectedRequest) => RuleMatch | null;
}

export interface RuleEvaluation {
  rule: string;
  priority: number;
  action: WafAction;
  matched: boolean;
  label?: string;
  reason?: string;
}

export interface AclVerdict {
  action: Exclude<WafAction, 'COUNT'>;
  /** The rule that stopped evaluation, or null for the default action. */
  terminatingRule: string | null;
  terminatingLabel: string | null;
  evaluations: RuleEvaluation[];
  /** Rules that matched in COUNT mode. */
  counted: RuleEvaluation[];
}

/**
 * AWS WAF on CloudFront inspects the first 16 KB of a body by default (up to 64 KB when configured);
 * with the default oversize handling, CONTINUE, it inspects what fits (AWS WAF Developer Guide, "Body inspection size limits").
 */
export const CLOUDFRONT_BODY_INSPECTION_LIMIT = 16 * 1024;
/** AWSManagedRulesCommonRuleSet SizeRestrictions_QUERYSTRING and SizeRestrictions_BODY (AWS WAF managed rule groups list). */
export const QUERYSTRING_SIZE_LIMIT = 2048;
export const BODY_SIZE_LIMIT = 8 * 1024;

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Values of the query arguments, as WAF's "all query arguments" field sees them (still encoded; the detector decodes). */
function queryArgumentValues(query: string): string[] {
  if (!query) return [];
  return query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1 ? pair : pair.slice(eq + 1);
  });
}

function firstMatch(values: string[], detect: (value: string) => { matched: boolean; reason: string }): string | null {
  for (const value of values) {
    const result = detect(value);
    if (result.matched) return result.reason;
  }
  return null;
}

/** IPv4 CIDR membership, for IP-set rules. */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const toInt = (text: string | undefined): number =>
    (text ?? '').split('.').reduce((acc, octet) => (acc << 8) + (Number(octet) & 255), 0) >>> 0;
  const bits = Number(bitsText ?? 32);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toInt(ip) & mask) === (toInt(base) & mask);
}

/** The office network used by the allow-list rule: TEST-NET-3, a range reserved for documentation (RFC 5737). */
export const OFFICE_CIDR = '203.0.113.0/24';

/** The web ACL in front of the distribution. In `count` mode the managed groups are overridden to COUNT, as teams do while tuning. */
export function defaultWebAcl(mode: Exclude<WafMode, 'off'>): WafRule[] {
  const managedAction: WafAction = mode === 'count' ? 'COUNT' : 'BLOCK';
  return [
    {
      name: 'AllowOfficeNetwork',
      priority: 0,
      action: 'ALLOW',
      match: (req) => (inCidr(req.sourceIp, OFFICE_CIDR) ? { label: 'AllowOfficeNetwork', reason: `source ${req.sourceIp} is in ${OFFICE_CIDR}` } : null),
    },
    {
      name: 'AWS-AWSManagedRulesCommonRuleSet',
      priority: 1,
      action: managedAction,
      match: (req) => {
        if (byteLength(req.query) > QUERYSTRING_SIZE_LIMIT) {
          return { label: 'SizeRestrictions_QUERYSTRING', reason: `the query string is over ${QUERYSTRING_SIZE_LIMIT} bytes` };
        }
        if (req.body !== null && byteLength(req.body) > BODY_SIZE_LIMIT) {
          return { label: 'SizeRestrictions_BODY', reason: `the body is over ${BODY_SIZE_LIMIT / 1024} KB` };
        }
        const inQuery = firstMatch(queryArgumentValues(req.query), detectXss);
        if (inQuery) return { label: 'CrossSiteScripting_QUERYARGUMENTS', reason: inQuery };
        const inBody = req.body === null ? null : firstMatch([req.body.slice(0, CLOUDFRONT_BODY_INSPECTION_LIMIT)], detectXss);
        if (inBody) return { label: 'CrossSiteScripting_BODY', reason: inBody };
        return null;
      },
    },
    {
      name: 'AWS-AWSManagedRulesSQLiRuleSet',
      priority: 2,
      action: managedAction,
      match: (req) => {
        const inQuery = firstMatch(queryArgumentValues(req.query), detectSqli);
        if (inQuery) return { label: 'SQLi_QUERYARGUMENTS', reason: inQuery };
        const inBody = req.body === null ? null : firstMatch([req.body.slice(0, CLOUDFRONT_BODY_INSPECTION_LIMIT)], detectSqli);
        if (inBody) return { label: 'SQLi_BODY', reason: inBody };
        return null;
      },
    },
  ];
}

export function evaluateWebAcl(rules: readonly WafRule[], req: InspectedRequest, defaultAction: 'ALLOW' | 'BLOCK' = 'ALLOW'): AclVerdict {
  const evaluations: RuleEvaluation[] = [];
  const counted: RuleEvaluation[] = [];
  const ordered = [...rules].sort((a, b) => a.priority - b.priority);
  for (const rule of ordered) {
    const match = rule.match(req);
    const evaluation: RuleEvaluation = {
      rule: rule.name,
      priority: rule.priority,
      action: rule.action,
      matched: match !== null,
      ...(match ? { label: match.label, reason: match.reason } : {}),
    };
    evaluations.push(evaluation);
    if (!match) continue;
    if (rule.action === 'COUNT') {
      counted.push(evaluation);
      continue;
    }
    return { action: rule.action, terminatingRule: rule.name, terminatingLabel: match.label, evaluations, counted };
  }
  return { action: defaultAction, terminatingRule: null, terminatingLabel: null, evaluations, counted };
}
