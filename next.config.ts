import createMDX from '@next/mdx';
import type { NextConfig } from 'next';

/**
 * The site is a static export: `out/` can be served by any static host or CDN
 * (S3 + CloudFront, the architecture the course teaches).
 * `trailingSlash` makes every route a folder with an index.html, which every static host serves without rewrites.
 */
const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  // `npm run dev` opened as http://127.0.0.1:3000 (not localhost) keeps hot reload working.
  allowedDevOrigins: ['127.0.0.1'],
};

// Plugins are named by string so Turbopack can load them. Code is highlighted at build time (Shiki), in a
// light and a dark theme switched by CSS variables, so lessons ship no highlighter to the browser.
const withMDX = createMDX({
  options: {
    remarkPlugins: ['remark-gfm', 'remark-frontmatter', ['remark-mdx-frontmatter', { name: 'frontmatter' }]],
    rehypePlugins: ['rehype-slug', ['rehype-pretty-code', { theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, keepBackground: false }]],
  },
});

export default withMDX(nextConfig);
