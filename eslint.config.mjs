import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layers, bottom to top, and what each may import (ARCHITECTURE.md, "Layers"). Data flows one way:
 * scenario → engine → playback and inspection → store → components → pages. A layer never imports one above it,
 * and only tests import the test helpers.
 */
const LAYERS = [
  { dir: 'lib/scenario', may: [] },
  { dir: 'lib/progress', may: [] },
  { dir: 'lib/sim', may: ['lib/scenario'] },
  { dir: 'lib/playback', may: ['lib/scenario', 'lib/sim'] },
  { dir: 'lib/inspect', may: ['lib/scenario', 'lib/sim'] },
  { dir: 'lib/quiz', may: ['lib/scenario', 'lib/sim', 'lib/traffic', 'lib/format-ms'] },
  { dir: 'lib/traffic', may: ['lib/scenario', 'lib/sim', 'lib/format-ms'] },
  { dir: 'lib/compare', may: ['lib/scenario', 'lib/sim', 'lib/playback'] },
  { dir: 'lib/content', may: ['lib/scenario', 'lib/sim', 'lib/traffic', 'lib/quiz', 'lib/format-ms', 'content'] },
  { dir: 'lib/store', may: ['lib/scenario', 'lib/sim', 'lib/playback', 'lib/compare', 'lib/progress'] },
  { dir: 'components', may: ['lib', 'components', 'content'] },
  { dir: 'app', may: ['lib', 'components', 'content', 'app'] },
];
const ALL = ['lib/scenario', 'lib/progress', 'lib/sim', 'lib/playback', 'lib/inspect', 'lib/quiz', 'lib/traffic', 'lib/compare', 'lib/content', 'lib/store', 'lib/testing', 'lib/format-ms', 'components', 'content', 'app'];

function layerBoundaries() {
  return LAYERS.map(({ dir, may }) => {
    const allowed = (target) => target === dir || may.some((m) => target === m || target.startsWith(`${m}/`) || m.startsWith(`${target}/`) || (m === 'lib' && target.startsWith('lib/')));
    const forbidden = ALL.filter((target) => target === 'lib/testing' || !allowed(target));
    return {
      files: [`${dir}/**/*.{ts,tsx}`],
      ignores: ['**/*.test.{ts,tsx}'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: forbidden.flatMap((target) => [`@/${target}`, `@/${target}/*`]), message: `${dir} may import only ${may.join(', ') || 'itself'} (eslint.config.mjs, LAYERS).` },
              ...(dir === 'lib/sim'
                ? [{ group: ['react', 'react-dom', 'react/*', 'next', 'next/*', 'zustand', 'zustand/*', '@xyflow/*'], message: 'lib/sim must stay free of UI frameworks.' }]
                : []),
            ],
          },
        ],
      },
    };
  });
}

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
  ...layerBoundaries(),
  {
    // The engine is pure: no framework, no DOM, no wall clock, no Math.random, no timers (STYLE.md §1). So are
    // traffic runs, which pause for the host in one place only (lib/traffic/yield.ts).
    files: ['lib/sim/**/*.ts', 'lib/traffic/**/*.ts'],
    ignores: ['lib/traffic/yield.ts'],
    rules: {
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
