/**
 * Cache-Control parsing (RFC 9111 §5.2): comma-separated directives, names case-insensitive,
 * values as tokens or quoted strings.
 */
export type Directives = Readonly<Record<string, string | true>>;

export function parseCacheControl(header: string | undefined): Directives {
  const out: Record<string, string | true> = {};
  if (!header) return out;
  for (const part of header.split(',')) {
    const [rawName, ...rest] = part.split('=');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
    out[name] = rest.length ? value : true;
  }
  return out;
}

/** A delta-seconds directive as a number, or undefined when absent or malformed (RFC 9111 §1.2.2). */
export function seconds(directives: Directives, name: string): number | undefined {
  const value = directives[name];
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
