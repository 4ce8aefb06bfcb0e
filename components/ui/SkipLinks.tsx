'use client';

/**
 * Links that are the first stops of the Tab key: to the page's content and, on the sandbox, straight to the
 * player. Focus moves to the target, so the next Tab continues from there.
 */
import { usePathname } from 'next/navigation';
import type { MouseEvent } from 'react';

/** Where the sandbox's player is, for its skip link (components/sandbox/Sandbox.tsx gives it this id). */
export const PLAYER_ID = 'player';

function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
}

export function SkipLinks() {
  const pathname = usePathname();
  const hasPlayer = pathname.startsWith('/sandbox');
  return (
    <>
      <a href="#main" className="skip-link" onClick={(e) => focusTarget(e, 'main')}>
        Skip to content
      </a>
      {hasPlayer ? (
        <a href={`#${PLAYER_ID}`} className="skip-link" onClick={(e) => focusTarget(e, PLAYER_ID)}>
          Skip to the player
        </a>
      ) : null}
    </>
  );
}
