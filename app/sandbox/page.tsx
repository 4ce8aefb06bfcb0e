import type { Metadata } from 'next';
import { SandboxApp } from '@/components/sandbox/SandboxApp';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { runScenario } from '@/lib/sim/run';

export const metadata: Metadata = {
  title: 'Sandbox',
  description: 'Set the conditions — a cached copy, an attack payload, a slow database — and step through what one request does, hop by hop.',
};

export default function SandboxPage() {
  // Worked out here, at build time, by the same engine: the page's first view needs no engine in the browser.
  return <SandboxApp firstRun={runScenario(DEFAULT_SCENARIO)} />;
}
