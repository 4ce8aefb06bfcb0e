'use client';

/**
 * next/link without prefetching on sight. By default every link in the viewport prefetches its route — for
 * the header's "Sandbox" that is the sandbox's engine and diagram code — which competes with the page's own
 * load on a slow phone and runs their modules on its main thread. Here a route is prefetched only when the
 * learner shows intent (pointer over the link, keyboard focus, a touch), and navigation stays client-side.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type Props = Omit<ComponentProps<typeof Link>, 'prefetch' | 'href'> & { href: string };

export function SiteLink({ href, onMouseEnter, onFocus, onTouchStart, ...rest }: Props) {
  const router = useRouter();
  // Each sign of intent prefetches, then does whatever the caller asked for on that event.
  const prefetchThen =
    <E,>(handler?: (event: E) => void) =>
    (event: E) => {
      router.prefetch(href);
      handler?.(event);
    };
  return <Link {...rest} href={href} prefetch={false} onMouseEnter={prefetchThen(onMouseEnter)} onFocus={prefetchThen(onFocus)} onTouchStart={prefetchThen(onTouchStart)} />;
}
