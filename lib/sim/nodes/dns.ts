/**
 * Name resolution: the browser asks for www.example.com over UDP 53 and Route 53 answers with an alias to
 * the CloudFront distribution, whose DNS picks an edge location near the resolver.
 * DNS usually runs over UDP: no handshake (RFC 1035 §4.2.1).
 */
import { leg, work, type SimContext, type Tag } from '../context';
import type { Task } from '../kernel/kernel';
import { DISTRIBUTION_HOST, EDGE_IP, SITE_HOST } from '../site';

/** Route 53 alias records carry the TTL of the target; CloudFront's records use 60 s. *assumed* */
const ANSWER_TTL_SECONDS = 60;

export function* resolve(ctx: SimContext, tag: Tag): Task<void> {
  yield* leg(ctx, tag, 'browser', 'dns', 'dns', {
    kind: 'dns-query',
    narration: () => `The browser asks DNS for the address of ${SITE_HOST} in one UDP packet; DNS needs no handshake.`,
    decision: `A? ${SITE_HOST}`,
  });
  yield* work(ctx, tag, 'dns', 1, {
    kind: 'route',
    narration: () => `Route 53 finds an alias to the CloudFront distribution and picks the edge location nearest to the visitor.`,
    decision: `${SITE_HOST} ALIAS ${DISTRIBUTION_HOST}`,
  });
  yield* leg(ctx, tag, 'dns', 'browser', 'dns', {
    kind: 'dns-answer',
    narration: () => `DNS answers with the edge's address, which the browser may cache for ${ANSWER_TTL_SECONDS} seconds.`,
    decision: `${SITE_HOST} ${ANSWER_TTL_SECONDS} IN A ${EDGE_IP}`,
    detail: { ttlSeconds: ANSWER_TTL_SECONDS },
  });
}
