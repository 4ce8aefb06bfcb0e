'use client';

/**
 * Every cause the engine understands, as a labelled control. Each control changes the scenario;
 * none of them says what will happen — the engine works that out.
 */
import {
  BACKOFFS,
  CACHE_STATES,
  DB_BEHAVIOURS,
  DB_ENGINES,
  JITTERS,
  MAX_PAYLOAD_LENGTH,
  METHODS,
  RETRY_LAYERS,
  THIRD_PARTY_BEHAVIOURS,
  type RetryLayer,
  type Scenario,
} from '@/lib/scenario/schema';
import { LATENCY_KNOBS } from '@/lib/scenario/latency-knobs';
import { PRESETS, presetById } from '@/lib/scenario/presets';
import { DB_ENGINE_LABELS, DB_PORTS } from '@/lib/sim';
import { NAMED_PAYLOADS } from '@/lib/sim/site';
import { CheckboxField, Group, NumberField, SelectField, TextField } from './controls/fields';
import { useSandbox, useSandboxStore } from './store-context';

const CACHE_LABELS: Record<(typeof CACHE_STATES)[number], string> = {
  empty: 'Empty: no copy yet',
  fresh: 'Fresh copy stored',
  stale: 'Stale copy stored',
  off: 'Caching disabled',
};
const DB_LABELS: Record<(typeof DB_BEHAVIOURS)[number], string> = { ok: 'Healthy', slow: 'Slow', down: 'Down (no answer)', deadlock: 'Deadlock on first try' };
const THIRD_PARTY_LABELS: Record<(typeof THIRD_PARTY_BEHAVIOURS)[number], string> = { ok: 'Healthy', slow: 'Slow', error: 'Answers 503', down: 'Down (refuses connections)' };
const LAYER_LABELS: Record<RetryLayer, string> = { browser: 'Browser → API', db: 'App → database', thirdparty: 'App → payments API' };

type PayloadChoice = 'benign' | 'sqli' | 'xss' | 'custom';

export function ControlsPanel() {
  const store = useSandboxStore();
  const scenario = useSandbox((s) => s.scenario);
  const preset = useSandbox((s) => s.preset);
  const update = (recipe: (s: Scenario) => Scenario) => store.getState().updateScenario(recipe);
  const { request, cache, db, thirdParty, retry } = scenario;
  const payloadChoice: PayloadChoice = request.payload in NAMED_PAYLOADS ? (request.payload as PayloadChoice) : 'custom';

  return (
    <form aria-label="Conditions" className="flex flex-col gap-3" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label="Start from a preset"
        value={preset ?? ''}
        options={[{ value: '', label: 'Default: a healthy API call' }, ...PRESETS.filter((p) => p.id !== 'api-get').map((p) => ({ value: p.id, label: p.title }))]}
        onChange={(id) => (id ? store.getState().loadPreset(id) : store.getState().loadPreset('api-get'))}
        hint={preset ? presetById(preset)?.description : 'Change any condition below; the engine works out the rest.'}
      />

      <Group legend="The request">
        <SelectField
          label="What the browser asks for"
          value={request.kind}
          options={[
            { value: 'api', label: 'API: GET /api/profile (JSON)' },
            { value: 'static', label: 'Static file: /static/app.js' },
          ]}
          onChange={(kind) => update((s) => ({ ...s, request: { ...s.request, kind } }))}
        />
        <SelectField label="Method" value={request.method} options={METHODS.map((m) => ({ value: m, label: m }))} onChange={(method) => update((s) => ({ ...s, request: { ...s.request, method } }))} />
        <SelectField<PayloadChoice>
          label="Payload"
          value={payloadChoice}
          options={[
            { value: 'benign', label: `Ordinary search: ${NAMED_PAYLOADS.benign}` },
            { value: 'sqli', label: `SQL injection: ${NAMED_PAYLOADS.sqli}` },
            { value: 'xss', label: `Cross-site scripting: ${NAMED_PAYLOADS.xss}` },
            { value: 'custom', label: 'Type your own…' },
          ]}
          onChange={(choice) =>
            update((s) => ({ ...s, request: { ...s.request, payload: choice === 'custom' ? (NAMED_PAYLOADS[s.request.payload] ?? s.request.payload) : choice } }))
          }
          hint="Sent as q=… in the query string, or in the body for POST, PUT and PATCH."
        />
        {payloadChoice === 'custom' ? (
          <TextField
            label="Your payload"
            value={request.payload}
            maxLength={MAX_PAYLOAD_LENGTH}
            onChange={(payload) => update((s) => ({ ...s, request: { ...s.request, payload } }))}
            hint="Shown as text only; it is never run."
          />
        ) : null}
        <CheckboxField
          label="Send an Idempotency-Key"
          checked={request.idempotencyKey}
          onChange={(idempotencyKey) => update((s) => ({ ...s, request: { ...s.request, idempotencyKey } }))}
          hint="Makes a POST safe to retry (RFC 9110 §9.2.2)."
        />
      </Group>

      <Group legend="Edge: WAF and cache">
        <SelectField
          label="AWS WAF"
          value={scenario.waf.mode}
          options={[
            { value: 'on', label: 'On: managed rules block' },
            { value: 'count', label: 'Count only: log matches, block nothing' },
            { value: 'off', label: 'Off' },
          ]}
          onChange={(mode) => update((s) => ({ ...s, waf: { mode } }))}
        />
        <SelectField label="What the edge holds" value={cache.state} options={CACHE_STATES.map((c) => ({ value: c, label: CACHE_LABELS[c] }))} onChange={(state) => update((s) => ({ ...s, cache: { ...s.cache, state } }))} />
        <TextField
          label="Origin's Cache-Control"
          value={cache.cacheControl}
          maxLength={512}
          onChange={(cacheControl) => update((s) => ({ ...s, cache: { ...s.cache, cacheControl: cacheControl.replace(/[\r\n]/g, '') } }))}
          hint="Try no-store, max-age=0, s-maxage=300 or stale-while-revalidate=60."
        />
        <CheckboxField
          label="Origin data changed since the copy was stored"
          checked={cache.changed}
          onChange={(changed) => update((s) => ({ ...s, cache: { ...s.cache, changed } }))}
          hint="Decides 304 Not Modified or a new 200 when a stale copy is revalidated."
        />
      </Group>

      <Group legend="Database">
        <SelectField label="Behaviour" value={db.behaviour} options={DB_BEHAVIOURS.map((b) => ({ value: b, label: DB_LABELS[b] }))} onChange={(behaviour) => update((s) => ({ ...s, db: { ...s.db, behaviour } }))} />
        <SelectField
          label="Engine"
          value={db.engine}
          options={DB_ENGINES.map((e) => ({ value: e, label: `${DB_ENGINE_LABELS[e]} (TCP ${DB_PORTS[e]})` }))}
          onChange={(engine) => update((s) => ({ ...s, db: { ...s.db, engine } }))}
        />
        <NumberField label="Slow query takes" unit="ms" value={db.delayMs} min={0} max={3_600_000} onCommit={(delayMs) => update((s) => ({ ...s, db: { ...s.db, delayMs } }))} />
      </Group>

      <Group legend="Payments API">
        <SelectField
          label="Behaviour"
          value={thirdParty.behaviour}
          options={THIRD_PARTY_BEHAVIOURS.map((b) => ({ value: b, label: THIRD_PARTY_LABELS[b] }))}
          onChange={(behaviour) => update((s) => ({ ...s, thirdParty: { ...s.thirdParty, behaviour } }))}
        />
        <NumberField label="Slow answer takes" unit="ms" value={thirdParty.delayMs} min={0} max={3_600_000} onCommit={(delayMs) => update((s) => ({ ...s, thirdParty: { ...s.thirdParty, delayMs } }))} />
      </Group>

      <Group legend="Timeouts and retries">
        <NumberField
          label="App timeout per downstream call"
          unit="ms, 0 = wait forever"
          value={scenario.timeoutMs}
          min={0}
          max={3_600_000}
          onCommit={(timeoutMs) => update((s) => ({ ...s, timeoutMs }))}
        />
        <NumberField label="Maximum attempts" unit="first included" value={retry.attempts} min={1} max={10} onCommit={(attempts) => update((s) => ({ ...s, retry: { ...s.retry, attempts } }))} />
        <SelectField label="Backoff" value={retry.backoff} options={BACKOFFS.map((b) => ({ value: b, label: b }))} onChange={(backoff) => update((s) => ({ ...s, retry: { ...s.retry, backoff } }))} />
        <SelectField label="Jitter" value={retry.jitter} options={JITTERS.map((j) => ({ value: j, label: j }))} onChange={(jitter) => update((s) => ({ ...s, retry: { ...s.retry, jitter } }))} />
        <div className="grid grid-cols-2 gap-2">
          <NumberField label="Base" unit="ms" value={retry.baseMs} min={0} max={60_000} onCommit={(baseMs) => update((s) => ({ ...s, retry: { ...s.retry, baseMs } }))} />
          <NumberField label="Cap" unit="ms" value={retry.capMs} min={0} max={600_000} onCommit={(capMs) => update((s) => ({ ...s, retry: { ...s.retry, capMs } }))} />
        </div>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="text-sm font-medium">Who retries</legend>
          {RETRY_LAYERS.map((layer) => (
            <CheckboxField
              key={layer}
              label={LAYER_LABELS[layer]}
              checked={retry.layers.includes(layer)}
              onChange={(on) =>
                update((s) => ({
                  ...s,
                  retry: { ...s.retry, layers: RETRY_LAYERS.filter((l) => (l === layer ? on : s.retry.layers.includes(l))) },
                }))
              }
            />
          ))}
        </fieldset>
      </Group>

      <Group legend="Connections">
        <SelectField
          label="TLS version"
          value={scenario.tls}
          options={[
            { value: '1.3', label: 'TLS 1.3 (1 round trip)' },
            { value: '1.2', label: 'TLS 1.2 (2 round trips)' },
          ]}
          onChange={(tls) => update((s) => ({ ...s, tls }))}
        />
        <SelectField
          label="Server-side connections"
          value={scenario.connections}
          options={[
            { value: 'warm', label: 'Warm: kept alive, pools full' },
            { value: 'cold', label: 'Cold: every hop opens a connection' },
          ]}
          onChange={(connections) => update((s) => ({ ...s, connections }))}
        />
        <NumberField label="Random seed" value={scenario.seed} min={0} max={4_294_967_295} onCommit={(seed) => update((s) => ({ ...s, seed }))} hint="Jitter and ages come from it: same seed, same run." />
      </Group>

      <Group legend="Latencies (assumed, not measured)">
        {LATENCY_KNOBS.map((knob) => (
          <NumberField
            key={knob.key}
            label={knob.label}
            unit="ms"
            value={scenario.latency[knob.key]}
            min={knob.min}
            max={knob.max}
            onCommit={(value) => update((s) => ({ ...s, latency: { ...s.latency, [knob.key]: value } }))}
          />
        ))}
      </Group>
    </form>
  );
}
