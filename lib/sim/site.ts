/**
 * The made-up site every scenario requests: names and addresses from ranges reserved for documentation
 * (example.com, RFC 2606; 198.51.100.0/24 and 192.0.2.0/24, RFC 5737; 10.0.0.0/8, RFC 1918).
 */
import type { HttpMethod, RequestKind } from '@/lib/scenario/schema';

export const SITE_HOST = 'www.example.com';
/** CloudFront's own example distribution name (CloudFront Developer Guide). */
export const DISTRIBUTION_HOST = 'd111111abcdef8.cloudfront.net';
export const BROWSER_IP = '198.51.100.23';
export const EDGE_IP = '192.0.2.44';
export const EDGE_POP = 'FRA56-P1';
/** The AWS Region the VPC, the load balancer and the database are in (Frankfurt, near the edge location). */
export const REGION = 'eu-central-1';
export const ALB_HOST = `internal-api-alb-1234567890.${REGION}.elb.amazonaws.com`;
/** The load balancer's own address inside the VPC (its node in the first public subnet): what Nginx sees as the client. */
export const ALB_PRIVATE_IP = '10.0.1.12';
/** The Nginx pod and the app pod, both in the first private app subnet (lib/sim/network.ts). */
export const WEB_TARGET = '10.0.21.23';
export const APP_TARGET = '10.0.21.57';
export const DB_HOST = `app-db.cluster-c9akciq32.${REGION}.rds.amazonaws.com`;
export const THIRD_PARTY_HOST = 'api.payments.example';
export const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36';

/**
 * The path each kind of request asks for. `mix` has none: it is a traffic run's blend of the other two, and the
 * schema refuses it in a single run (lib/scenario/rules.ts), so one request is always an API call or a static file.
 */
export const PATHS: Readonly<Record<Exclude<RequestKind, 'mix'>, string>> = {
  api: '/api/profile',
  static: '/static/app.js',
};

/** Where each method goes on the API: reads ask for the profile, writes create or change an order. */
export function apiPathFor(method: HttpMethod): string {
  if (method === 'POST') return '/api/orders';
  if (method === 'PUT' || method === 'PATCH' || method === 'DELETE') return '/api/orders/9001';
  return PATHS.api;
}

/** The static asset the API's JSON names, fetched by the browser when it renders. */
export const PROFILE_PICTURE_PATH = '/static/images/jagga.png';

/** Named payloads a link can use instead of spelling one out. */
export const NAMED_PAYLOADS: Readonly<Record<string, string>> = {
  benign: 'running shoes',
  sqli: "' OR 1=1--",
  xss: '<script>alert(1)</script>',
};

export function payloadText(payload: string): string {
  return NAMED_PAYLOADS[payload] ?? payload;
}
