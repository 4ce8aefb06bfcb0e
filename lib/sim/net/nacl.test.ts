import { describe, expect, it } from 'vitest';
import { DEFAULT_NACL, naclVerdict, STAR_RULE_TEXT, type NetworkAcl } from './nacl';
import { NACL_EPHEMERAL } from './ports';

const fromApp = { protocol: 'tcp' as const, port: 5432, peer: '10.0.21.57' };

describe('a network ACL', () => {
  it('by default allows every packet either way, by its rule 100', () => {
    expect(naclVerdict(DEFAULT_NACL, 'inbound', fromApp)).toEqual({ action: 'allow', rule: 100, text: '100 allow all traffic from 0.0.0.0/0' });
    expect(naclVerdict(DEFAULT_NACL, 'outbound', { protocol: 'udp', port: 53, peer: '192.0.2.53' })).toEqual({ action: 'allow', rule: 100, text: '100 allow all traffic to 0.0.0.0/0' });
  });

  it('applies the lowest-numbered rule that matches, wherever it is listed, and ignores the rest', () => {
    const acl: NetworkAcl = {
      id: 'acl-test',
      inbound: [
        { number: 110, protocol: 'tcp', ports: { low: 5432, high: 5432 }, cidr: '10.0.21.0/24', action: 'allow' },
        { number: 100, protocol: 'tcp', ports: { low: 5432, high: 5432 }, cidr: '10.0.21.57/32', action: 'deny' },
      ],
      outbound: [],
    };
    expect(naclVerdict(acl, 'inbound', fromApp)).toMatchObject({ action: 'deny', rule: 100 });
    expect(naclVerdict(acl, 'inbound', { ...fromApp, peer: '10.0.21.58' })).toMatchObject({ action: 'allow', rule: 110 });
    // Renumber the deny after the allow and the allow wins for the same packet.
    const renumbered = { ...acl, inbound: acl.inbound.map((rule) => (rule.action === 'deny' ? { ...rule, number: 120 } : rule)) };
    expect(naclVerdict(renumbered, 'inbound', fromApp)).toMatchObject({ action: 'allow', rule: 110 });
  });

  it('denies by its * rule what no numbered rule matches, so a new custom ACL denies everything', () => {
    const empty: NetworkAcl = { id: 'acl-new', inbound: [], outbound: [] };
    expect(naclVerdict(empty, 'inbound', fromApp)).toEqual({ action: 'deny', rule: '*', text: STAR_RULE_TEXT });
    const narrow: NetworkAcl = { id: 'acl-narrow', inbound: [{ number: 100, protocol: 'tcp', ports: { low: 5432, high: 5432 }, cidr: '10.0.21.0/24', action: 'allow' }], outbound: [] };
    expect(naclVerdict(narrow, 'inbound', { ...fromApp, port: 3306 })).toEqual({ action: 'deny', rule: '*', text: STAR_RULE_TEXT });
    expect(naclVerdict(narrow, 'inbound', { ...fromApp, protocol: 'udp' })).toEqual({ action: 'deny', rule: '*', text: STAR_RULE_TEXT });
    expect(naclVerdict(narrow, 'inbound', { ...fromApp, peer: '10.0.1.12' })).toEqual({ action: 'deny', rule: '*', text: STAR_RULE_TEXT });
    // Inbound rules say nothing about outbound packets.
    expect(naclVerdict(narrow, 'outbound', fromApp)).toEqual({ action: 'deny', rule: '*', text: STAR_RULE_TEXT });
  });

  it('matches a port range at both ends, and protocol "all" on every port', () => {
    const replies: NetworkAcl = { id: 'acl-replies', inbound: [], outbound: [{ number: 100, protocol: 'tcp', ports: NACL_EPHEMERAL, cidr: '10.0.21.0/24', action: 'allow' }] };
    const reply = (port: number) => naclVerdict(replies, 'outbound', { protocol: 'tcp', port, peer: '10.0.21.57' }).action;
    expect([reply(1023), reply(1024), reply(65535)]).toEqual(['deny', 'allow', 'allow']);
    const all: NetworkAcl = { id: 'acl-all', inbound: [{ number: 1, protocol: 'all', cidr: '10.0.0.0/16', action: 'allow' }], outbound: [] };
    expect(naclVerdict(all, 'inbound', { protocol: 'udp', port: 0, peer: '10.0.31.84' })).toMatchObject({ action: 'allow', rule: 1 });
  });
});
