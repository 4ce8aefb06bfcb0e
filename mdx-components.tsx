import type { MDXComponents } from 'mdx/types';
import { Accuracy, Note, TryIt } from '@/components/lesson/Callouts';
import { Outcome } from '@/components/lesson/Outcome';
import { Sim } from '@/components/lesson/Sim';
import { TrafficSim } from '@/components/lesson/TrafficSim';
import { Walkthrough } from '@/components/lesson/Walkthrough';

/** The one registry of what lessons may use (App Router convention: this file at the project root). */
const components: MDXComponents = { Sim, TrafficSim, TryIt, Accuracy, Note, Walkthrough, Outcome };

export function useMDXComponents(inherited: MDXComponents): MDXComponents {
  return { ...inherited, ...components };
}
