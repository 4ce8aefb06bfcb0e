import { SiteLink } from '@/components/ui/SiteLink';
import { ThemeToggle } from './ThemeToggle';

/** Always h-14 (56 px) plus a 1 px border: the sandbox sizes itself to the window below it. */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-screen-2xl items-center gap-5 px-4">
        <SiteLink href="/" className="font-semibold tracking-tight text-slate-900 dark:text-white">
          Roundtrip
        </SiteLink>
        <SiteLink href="/learn/" className="text-sm text-slate-700 hover:text-blue-700 dark:text-slate-300 dark:hover:text-blue-300">
          Learn
        </SiteLink>
        <SiteLink href="/sandbox/" className="text-sm text-slate-700 hover:text-blue-700 dark:text-slate-300 dark:hover:text-blue-300">
          Sandbox
        </SiteLink>
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </nav>
    </header>
  );
}
