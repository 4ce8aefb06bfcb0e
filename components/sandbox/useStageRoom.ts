'use client';

/**
 * How tall the diagram's figure may be so that the sandbox's stage — outcome, diagram, caption and
 * player — fits its column, from the lg breakpoint where that column is as tall as the window. Below it
 * the page scrolls and the diagram takes the height it needs (Infinity).
 */
import { useEffect, useState, type RefObject } from 'react';

const WIDE = '(min-width: 64rem)';

/** `stage` is a flex column with a fixed height; `slot` is the child that holds the diagram. */
export function useStageRoom(stage: RefObject<HTMLElement | null>, slot: RefObject<HTMLElement | null>): number {
  const [room, setRoom] = useState(Infinity);
  useEffect(() => {
    const column = stage.current;
    const diagram = slot.current;
    if (!column || !diagram) return;
    const measure = () => {
      if (!window.matchMedia(WIDE).matches) return setRoom(Infinity);
      const others = [...column.children].filter((child) => child !== diagram);
      const gaps = Number.parseFloat(getComputedStyle(column).rowGap) * others.length;
      setRoom(Math.floor(column.clientHeight - gaps - others.reduce((sum, child) => sum + child.getBoundingClientRect().height, 0)));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(column);
    for (const child of column.children) if (child !== diagram) observer.observe(child);
    return () => observer.disconnect();
  }, [stage, slot]);
  return room;
}
