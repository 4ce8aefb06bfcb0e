import { describe, expect, it } from 'vitest';
import { DB_ENGINES, DB_PORTS } from '@/lib/scenario/vocabulary';
import { ALB_PRIVATE_IP, APP_TARGET, BROWSER_IP, EDGE_IP, WEB_TARGET } from '../site';
import { securityGroups, sgVerdict, type SecurityGroup } from './security-groups';

const groups = securityGroups('postgres');
const tcp = (port: number, peer: string) => ({ protocol: 'tcp' as const, port, peer });

describe('the security groups', () => {
  it('let the load balancer be reached on 443 from CloudFront only, not straight from a browser', () => {
    expect(sgVerdict([groups['sg-alb']], 'inbound', tcp(443, EDGE_IP)).allowed).toBe(true);
    expect(sgVerdict([groups['sg-alb']], 'inbound', tcp(443, BROWSER_IP)).allowed).toBe(false);
    expect(sgVerdict([groups['sg-alb']], 'inbound', tcp(80, EDGE_IP)).allowed).toBe(false);
  });

  it('open each tier only to the group of the tier before it, on the port it uses', () => {
    const web = [groups['sg-web']];
    const app = [groups['sg-app']];
    expect(sgVerdict(web, 'inbound', tcp(80, WEB_TARGET), { peerGroups: ['sg-alb'] }).allowed).toBe(true);
    // The same address without the group is not the load balancer as far as the rule is concerned.
    expect(sgVerdict(web, 'inbound', tcp(80, ALB_PRIVATE_IP)).allowed).toBe(false);
    expect(sgVerdict(app, 'inbound', tcp(8080, WEB_TARGET), { peerGroups: ['sg-web'] }).allowed).toBe(true);
    // The load balancer cannot skip Nginx, and the app's port is not open to its own group.
    expect(sgVerdict(app, 'inbound', tcp(8080, ALB_PRIVATE_IP), { peerGroups: ['sg-alb'] }).allowed).toBe(false);
    expect(sgVerdict(app, 'inbound', tcp(8080, APP_TARGET), { peerGroups: ['sg-app'] }).allowed).toBe(false);
    expect(sgVerdict([groups['sg-db']], 'inbound', tcp(5432, APP_TARGET), { peerGroups: ['sg-app'] }).allowed).toBe(true);
    expect(sgVerdict([groups['sg-db']], 'inbound', tcp(5432, ALB_PRIVATE_IP), { peerGroups: ['sg-alb'] }).allowed).toBe(false);
  });

  it.each(DB_ENGINES)("open the database on its engine's own port (%s), and on no other engine's", (engine) => {
    const db = [securityGroups(engine)['sg-db']];
    for (const [other, port] of Object.entries(DB_PORTS)) {
      expect(sgVerdict(db, 'inbound', tcp(port, APP_TARGET), { peerGroups: ['sg-app'] }).allowed, `${other} on ${port}`).toBe(other === engine);
    }
  });

  it('let everything out, as a new group does', () => {
    for (const group of Object.values(groups)) expect(sgVerdict([group], 'outbound', { protocol: 'udp', port: 53, peer: '192.0.2.53' }).allowed).toBe(true);
  });

  it('add up: any rule of any group on the interface is enough, in any order', () => {
    const both = [groups['sg-alb'], groups['sg-db']];
    expect(sgVerdict(both, 'inbound', tcp(5432, APP_TARGET), { peerGroups: ['sg-app'] })).toEqual({ allowed: true, by: groups['sg-db'].inbound[0] });
    expect(sgVerdict([...both].reverse(), 'inbound', tcp(443, EDGE_IP))).toEqual({ allowed: true, by: groups['sg-alb'].inbound[0] });
  });

  it('are stateful: a reply passes with no rule for it, a new connection the other way does not', () => {
    const closed: SecurityGroup = { ...groups['sg-db'], outbound: [] };
    expect(sgVerdict([closed], 'outbound', tcp(40000, APP_TARGET), { reply: true })).toEqual({ allowed: true, by: 'tracked' });
    expect(sgVerdict([closed], 'outbound', tcp(443, APP_TARGET))).toEqual({ allowed: false });
  });
});
