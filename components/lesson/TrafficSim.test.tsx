import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TrafficSim } from './TrafficSim';

describe('<TrafficSim>', () => {
  it('renders the run’s card as static HTML, with a link that opens it in the traffic sandbox', () => {
    const html = renderToStaticMarkup(<TrafficSim preset="payments-breaker" link="rate=10&duration=60" title="A breaker at work" />);
    expect(html).toContain('aria-label="Traffic run: A breaker at work"');
    expect(html).toContain('href="/sandbox/?preset=payments-breaker&amp;rate=10&amp;duration=60&amp;mode=traffic"');
    expect(html).toContain('Open this run in the traffic sandbox');
    expect(html).toContain('<dt class="text-xs text-slate-700 dark:text-slate-300">Refused by a breaker</dt>');
    expect(html).toContain('<code class="rounded bg-slate-100 px-1 text-[0.8125rem] whitespace-nowrap dark:bg-slate-800">20 s payments-down</code>');
  });

  it('stops the build on a run it cannot show', () => {
    expect(() => renderToStaticMarkup(<TrafficSim preset="db-down" title="One request" />)).toThrow('<TrafficSim title="One request">: link “preset=db-down” runs one request, not many');
  });
});
