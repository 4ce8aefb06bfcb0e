import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FULL_DRAWING_MARKUP } from '@/components/diagram/static-drawing-markup';
import { STATIC_DB_ENGINE } from '@/components/diagram/at-rest';
import { links, NODE_IDS } from '@/lib/sim';
import { MARKUP_MODULE, staticDrawingModule } from './static-drawing';

describe('the sandbox’s drawing at rest, as markup', () => {
  it('is what StaticDrawings renders today (npx tsx scripts/static-drawing.ts rewrites it)', () => {
    expect(readFileSync(MARKUP_MODULE, 'utf8') === staticDrawingModule(), `${MARKUP_MODULE} is out of date`).toBe(true);
  });

  it('has every service and every link label a tap can pick', () => {
    for (const id of NODE_IDS) expect(FULL_DRAWING_MARKUP).toContain(`data-node="${id}"`);
    for (const link of links(STATIC_DB_ENGINE)) expect(FULL_DRAWING_MARKUP).toContain(`data-link="${link.id}"`);
  });
});
