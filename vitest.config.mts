import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Components opt into jsdom with a `// @vitest-environment jsdom` docblock.
    setupFiles: ['./vitest.setup.ts'],
  },
});
