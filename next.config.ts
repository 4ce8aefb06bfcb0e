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
};

export default nextConfig;
