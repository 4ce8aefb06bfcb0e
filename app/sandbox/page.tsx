import type { Metadata } from 'next';
import { SandboxApp } from '@/components/sandbox/SandboxApp';

export const metadata: Metadata = {
  title: 'Sandbox',
  description: 'Set the conditions — a cached copy, an attack payload, a slow database — and step through what one request does, hop by hop.',
};

export default function SandboxPage() {
  return <SandboxApp />;
}
