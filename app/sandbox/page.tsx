import type { Metadata } from 'next';
import { EARLY_INPUT_SCRIPT } from '@/components/sandbox/early-input';
import { SandboxApp } from '@/components/sandbox/SandboxApp';

export const metadata: Metadata = {
  title: 'Sandbox',
  description: 'Set the conditions — a cached copy, an attack payload, a slow database — and step through what one request does, hop by hop.',
};

export default function SandboxPage() {
  return (
    <>
      {/* Before the controls, so they hear the first thing the learner does. */}
      <script dangerouslySetInnerHTML={{ __html: EARLY_INPUT_SCRIPT }} />
      <SandboxApp />
    </>
  );
}
