/**
 * The course's navigation, in order. Lessons live in content/lessons/<slug>.mdx and their quizzes in
 * content/quizzes/<slug>.ts; `npm run check:content` keeps the three in step.
 */
export const LESSON_SLUGS = [
  'journey-of-a-request',
  'ports-and-protocols',
  'tcp-and-tls-handshakes',
  'reverse-proxy',
  'app-to-database',
  'third-party-apis',
  'defence-stack',
  'json-and-static-urls',
  'edge-caching',
  'errors-and-retries',
  'many-requests',
  'capstone-incidents',
] as const;

export type LessonSlug = (typeof LESSON_SLUGS)[number];
