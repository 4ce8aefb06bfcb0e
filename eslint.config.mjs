import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'out/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'Remove .only before committing.' },
        { object: 'it', property: 'only', message: 'Remove .only before committing.' },
        { object: 'test', property: 'only', message: 'Remove .only before committing.' },
      ],
    },
  },
  {
    // The engine is pure: no framework, no DOM, no wall clock, no Math.random, no timers (STYLE.md §1).
    files: ['lib/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'next', 'next/*', 'zustand', 'zustand/*', 'motion', 'motion/*', '@xyflow/*'], message: 'lib/sim must stay free of UI frameworks.' },
            { group: ['@/components/*', '@/app/*', '@/lib/store/*', '@/lib/playback/*'], message: 'lib/sim sits below every other layer.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'lib/sim has no DOM.' },
        { name: 'document', message: 'lib/sim has no DOM.' },
        { name: 'setTimeout', message: 'Time is simulated: use the kernel.' },
        { name: 'setInterval', message: 'Time is simulated: use the kernel.' },
        { name: 'requestAnimationFrame', message: 'Time is simulated: use the kernel.' },
        { name: 'performance', message: 'Time is simulated: use the kernel.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness comes from the scenario seed (lib/sim/random.ts).' },
        { object: 'Date', property: 'now', message: 'Time is simulated: use the kernel clock.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is simulated: use the kernel clock.' }],
    },
  },
  {
    files: ['lib/sim/**/*.test.ts', 'lib/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
]);
