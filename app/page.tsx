import { SiteLink } from '@/components/ui/SiteLink';
import { LazyLiveDemo } from '@/components/landing/LazyLiveDemo';

const STOPS = ['DNS (Route 53)', 'CloudFront edge', 'Shield and WAF', 'Load balancer', 'Nginx', 'App pods on EKS', 'RDS', 'Payments API', 'S3'];

export default function HomePage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12">
      <div className="grid items-start gap-10 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div>
          <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Watch one web request go to the database and back.</h1>
          <p className="mt-5 text-lg text-slate-700 dark:text-slate-300">
            Then break it, and see what happens. Roundtrip simulates a request across a real cloud architecture, hop by hop, from causes you set: a cached copy, an
            attack payload, a slow database, a retry policy. The engine works out the rest.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <SiteLink href="/learn/journey-of-a-request/" className="rounded-md bg-blue-700 px-5 py-3 font-medium text-white hover:bg-blue-800">
              Start lesson 1
            </SiteLink>
            <SiteLink href="/sandbox/" className="rounded-md border border-slate-300 px-5 py-3 font-medium hover:border-blue-500 dark:border-slate-600">
              Open the sandbox
            </SiteLink>
            <SiteLink href="/learn/" className="self-center text-blue-700 underline dark:text-blue-300">
              See all lessons
            </SiteLink>
          </div>
          <h2 className="mt-10 text-base font-semibold">Every stop on the way</h2>
          <ul className="mt-2 flex flex-wrap gap-2 p-0">
            {STOPS.map((stop) => (
              <li key={stop} className="list-none rounded-full border border-slate-300 px-3 py-1 text-sm dark:border-slate-700">
                {stop}
              </li>
            ))}
          </ul>
        </div>
        <section aria-label="Live demo: one request">
          <LazyLiveDemo />
        </section>
      </div>
    </div>
  );
}
