import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ProgressProvider } from '@/components/progress/ProgressProvider';
import { SiteHeader } from '@/components/ui/SiteHeader';
import { SkipLinks } from '@/components/ui/SkipLinks';
import { FIRST_USE_SCRIPT } from '@/components/ui/first-use';
import { OVERLAY_SCROLLBAR_SCRIPT } from '@/components/ui/overlay-scrollbar';
import { THEME_SCRIPT } from '@/components/ui/ThemeToggle';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Roundtrip: how a web request really travels', template: '%s · Roundtrip' },
  description:
    'Watch one web request go from the browser through DNS, a CDN edge, WAF and Shield, a load balancer, a reverse proxy and app pods to the database and back. Then break it, and see what happens.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: OVERLAY_SCROLLBAR_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: FIRST_USE_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <SkipLinks />
        <SiteHeader />
        <ProgressProvider>
          <main id="main" tabIndex={-1} className="outline-none">{children}</main>
        </ProgressProvider>
      </body>
    </html>
  );
}
