/**
 * IPv4 addresses and CIDR blocks (RFC 4632 §3.1: a prefix and its length), as much as the network's rules need:
 * is an address inside a block, is one block inside another, do two blocks overlap.
 */

/** An IPv4 address as an unsigned 32-bit number, or null when the text is not a dotted quad. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

export interface Block {
  /** The first address of the block. */
  base: number;
  /** How many leading bits are fixed, 0–32. */
  length: number;
}

/** `a.b.c.d/n`, with no host bits set (AWS refuses `10.0.1.5/24` as a subnet's or a rule's block). */
export function parseCidr(cidr: string): Block {
  const [address = '', length = ''] = cidr.split('/');
  const base = parseIpv4(address);
  const bits = /^\d{1,2}$/.test(length) ? Number(length) : NaN;
  if (base === null || !(bits >= 0 && bits <= 32)) throw new Error(`Not an IPv4 CIDR block: ${cidr}`);
  if (base % 2 ** (32 - bits) !== 0) throw new Error(`${cidr} has host bits set`);
  return { base, length: bits };
}

function size(block: Block): number {
  return 2 ** (32 - block.length);
}

/**
 * Blocks and addresses already read: a network's rules name a few of each, and every packet's verdict asks about
 * them. Cleared when it grows past any real network's size, so made-up inputs cannot fill it.
 */
const known = new Map<string, Block | number>();

function remembered<T extends Block | number>(text: string, read: (text: string) => T): T {
  let found = known.get(text) as T | undefined;
  if (found === undefined) {
    if (known.size >= 4096) known.clear();
    known.set(text, (found = read(text)));
  }
  return found;
}

export function cidrContains(cidr: string, address: string): boolean {
  const block = remembered(cidr, parseCidr);
  const value = remembered(address, (text) => {
    const parsed = parseIpv4(text);
    if (parsed === null) throw new Error(`Not an IPv4 address: ${text}`);
    return parsed;
  });
  return value >= block.base && value < block.base + size(block);
}

/** Every address of `inner` is in `outer`. */
export function cidrWithin(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  return a.length >= b.length && a.base >= b.base && a.base + size(a) <= b.base + size(b);
}

export function cidrsOverlap(x: string, y: string): boolean {
  return cidrWithin(x, y) || cidrWithin(y, x);
}
