import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The routes of the static export, sorted: every folder under `dir` (out/ by default) that holds an index.html, as
 * the path a browser asks for (`/`, `/learn/`, `/learn/edge-caching/`, `/sandbox/`, `/404/`). Next's own folders
 * (`_next`, `_not-found`) start with an underscore and are skipped. Read from the build, so a new lesson is counted
 * without a list to update.
 */
export function exportedRoutes(dir = 'out', prefix = '/'): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('_')) found.push(...exportedRoutes(join(dir, entry.name), `${prefix}${entry.name}/`));
    if (entry.isFile() && entry.name === 'index.html') found.push(prefix);
  }
  return found.sort();
}
