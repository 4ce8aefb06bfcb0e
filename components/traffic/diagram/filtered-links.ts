/**
 * Where dropped packets can come from: the drawn links whose security groups or network ACLs, as the scenario sets
 * them, may drop something either way (lib/sim/net/filters.ts; a route that is `open` never drops anything). The
 * series counts the drops of the whole run in one figure, `deniedPerS`; the diagram marks it on these links.
 */
import type { Scenario } from '@/lib/scenario/schema';
import { links } from '@/lib/sim';
import { PacketFilters } from '@/lib/sim/net/filters';

export function filteredLinks(scenario: Scenario): string[] {
  const filters = new PacketFilters(scenario.network, scenario.db.engine, scenario.seed);
  const mayDrop = (a: Parameters<PacketFilters['route']>[0], b: Parameters<PacketFilters['route']>[0]) => {
    const route = filters.route(a, b);
    return route !== null && !route.open;
  };
  return links(scenario.db.engine)
    .filter((link) => mayDrop(link.a, link.b) || mayDrop(link.b, link.a))
    .map((link) => link.id);
}
