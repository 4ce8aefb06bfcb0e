import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <nav aria-label="Main" className="mx-auto flex max-w-screen-2xl items-center gap-6 px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight text-slate-900 dark:text-white">
          Roundtrip
        </Link>
        <Link href="/sandbox/" className="text-sm text-slate-700 hover:text-blue-700 dark:text-slate-300 dark:hover:text-blue-300">
          Sandbox
        </Link>
      </nav>
    </header>
  );
}
