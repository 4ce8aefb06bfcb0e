import Link from 'next/link';

export default function HomePage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Watch one web request go to the database and back.</h1>
      <p className="mt-6 text-lg text-slate-700 dark:text-slate-300">
        Then break it, and see what happens. Roundtrip simulates a request across a real cloud architecture — DNS, a CloudFront edge, WAF and Shield,
        a load balancer, Nginx, app pods, RDS and a payments API — hop by hop, from causes you set.
      </p>
      <p className="mt-8">
        <Link href="/sandbox/" className="inline-block rounded-md bg-blue-700 px-5 py-3 font-medium text-white hover:bg-blue-800">
          Open the sandbox
        </Link>
      </p>
    </div>
  );
}
