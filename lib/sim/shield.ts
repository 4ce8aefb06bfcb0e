/**
 * What AWS Shield Standard does with a flood, by the layer it comes at. Shield Standard protects every CloudFront
 * distribution at no charge: "all packets to the application are inspected by a fully inline DDoS mitigation
 * system, which does not introduce any observable latency", whether or not Shield Advanced is on (AWS WAF, Firewall
 * Manager and Shield Developer Guide, "AWS Shield detection logic for infrastructure layer threats (layer 3 and layer
 * 4)"). CloudFront gets "protection against all known network and transport layer attacks. To defend against layer 7
 * DDoS attacks, you can use AWS WAF", with "a rate-based rule in block mode to defend against request flood attacks"
 * (AWS Knowledge Center, "How do I protect my application from DDoS attacks with AWS Shield Standard?"). An HTTP
 * flood is layer 7: well-formed requests on established connections, which Shield Standard passes to the web ACL.
 *
 * A SYN flood costs the edge no state: with SYN cookies the server answers each SYN with the state encoded in its
 * sequence number and keeps nothing until a valid ACK comes back (RFC 4987 §3.6), so the half-open connections of
 * a flood never fill a backlog that real visitors need.
 */
export type Flood = 'syn-flood' | 'http-flood';

export interface ShieldVerdict {
  layer: 'L4' | 'L7';
  /** Shield Standard absorbs it at the edge: nothing of it reaches the web ACL, the cache or the origin. */
  absorbed: boolean;
  why: string;
}

export const SHIELD_STANDARD: Readonly<Record<Flood, ShieldVerdict>> = {
  'syn-flood': {
    layer: 'L4',
    absorbed: true,
    why: 'a SYN flood is a transport-layer attack: Shield Standard absorbs it inline at the edge, answering with SYN cookies that keep no state, so no connection of a real visitor waits',
  },
  'http-flood': {
    layer: 'L7',
    absorbed: false,
    why: 'an HTTP flood is layer 7: each request is well formed, on a connection that completed its handshake, so Shield Standard passes it to the web ACL; only a rate-based rule (or Shield Advanced) stops it there',
  },
};
