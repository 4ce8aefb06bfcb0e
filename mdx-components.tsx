import type { MDXComponents } from 'mdx/types';
import type { ComponentProps } from 'react';
import { Accuracy, Note, TryIt } from '@/components/lesson/Callouts';
import { Outcome } from '@/components/lesson/Outcome';
import { Sim } from '@/components/lesson/Sim';
import { TrafficSim } from '@/components/lesson/TrafficSim';
import { Walkthrough } from '@/components/lesson/Walkthrough';

/**
 * A lesson's table scrolls sideways inside itself when it is wider than a phone (app/globals.css), so it takes
 * focus, as a code block does: a learner on a keyboard scrolls it with the arrow keys
 * (https://www.w3.org/WAI/WCAG22/Understanding/keyboard.html).
 */
function Table(props: ComponentProps<'table'>) {
  return <table tabIndex={0} {...props} />;
}

/** The one registry of what lessons may use (App Router convention: this file at the project root). */
const components: MDXComponents = { Sim, TrafficSim, TryIt, Accuracy, Note, Walkthrough, Outcome, table: Table };

export function useMDXComponents(inherited: MDXComponents): MDXComponents {
  return { ...inherited, ...components };
}
