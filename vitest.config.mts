import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Components opt into jsdom with a `// @vitest-environment jsdom` docblock.
    setupFiles: ['./vitest.setup.ts'],
    // CI shares two cores with other work; property tests that take 2 s on a quiet machine take 10 s on a busy one.
    testTimeout: 60_000,
  },
});
