'use client';

/**
 * The sandbox's layout. From the lg breakpoint it fills the window below the site header and nothing on the
 * page scrolls but its panels: on the right the stage — outcome, diagram, caption and player — stays put; on
 * the left, under the introduction, tabs hold the conditions, the inspector, the event log and the waterfall,
 * each scrolling on its own. So a change of conditions and its effect are on screen together, and a click on
 * the diagram brings the inspector forward beside it. On a phone everything stacks, the tabs under the player,
 * and a compact player bar keeps the controls at hand while the diagram is on screen.
 */
import dynamic from 'next/dynamic';
import { useRef, useState, type ReactNode } from 'react';
import { LazyFlowDiagram } from '@/components/diagram/LazyFlowDiagram';
import { Timeline } from '@/components/timeline/Timeline';
import { useKeyboardShortcuts } from '@/components/timeline/useKeyboardShortcuts';
import { usePlaybackDriver } from '@/components/timeline/usePlaybackDriver';
import { PLAYER_ID } from '@/components/ui/SkipLinks';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import type { Mode } from '@/lib/scenario/vocabulary';
import { Dormant } from '@/components/ui/Dormant';
import { Tabs, type Tab } from '@/components/ui/Tabs';
import { Waterfall } from '@/components/waterfall/Waterfall';
import { DrillBar } from '@/components/traffic/DrillBar';
import { TrafficRunProvider } from '@/components/traffic/TrafficRunProvider';
import { stageOf } from '@/lib/store/sandbox-store';
import { CompactPlayerBar } from './CompactPlayerBar';
import { ControlsPanel } from './ControlsPanel';
import { DebugPanel } from './DebugPanel';
import { ModeSwitch } from './ModeSwitch';
import { EventLog } from './EventLog';
import { Inspector } from './Inspector';
import { Narration } from './Narration';
import { Notices } from './Notices';
import { OutcomeBanner } from './OutcomeBanner';
import { RevealOnSelect } from './RevealOnSelect';
import { ShareButton } from './ShareButton';
import { useSandbox, useSandboxStore } from './store-context';
import { useReducedMotion } from './useReducedMotion';
import { useStageRoom } from './useStageRoom';

// The stages of the other modes load when their mode is on: a visit for one request never fetches them.
const loadingSays = (what: string) => {
  const Loading = () => <p className="text-sm text-slate-700 dark:text-slate-300">{what}</p>;
  return Loading;
};
const TrafficStage = dynamic(() => import('@/components/traffic/TrafficStage').then((m) => m.TrafficStage), { ssr: false, loading: loadingSays('Loading the traffic run…') });
const ReplayPending = dynamic(() => import('@/components/traffic/ReplayPending').then((m) => m.ReplayPending), { ssr: false, loading: loadingSays('Replaying the request…') });
const BackoffStudyStage = dynamic(() => import('@/components/traffic/BackoffStudyStage').then((m) => m.BackoffStudyStage), { ssr: false, loading: loadingSays('Loading the backoff study…') });

function MotionToggle() {
  const store = useSandboxStore();
  const motion = useSandbox((s) => s.motion);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>Motion</span>
      <select
        className="h-10 min-w-0 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
        value={motion}
        onChange={(e) => store.getState().setMotion(e.target.value as typeof motion)}
      >
        <option value="system">Follow system setting</option>
        <option value="reduce">Reduce: highlight steps</option>
        <option value="allow">Animate packets</option>
      </select>
    </label>
  );
}

type Panel = 'conditions' | 'inspector' | 'log' | 'waterfall';

const INTRODUCTIONS: Readonly<Record<Mode, string>> = {
  single: 'Set the conditions, then follow one request hop by hop. Space plays, ← → step, Home and End jump.',
  traffic: 'Send many requests through the same system and watch it under load; then open any moment’s request hop by hop.',
  'backoff-study': 'Many clients race to write one row and back off when they lose: compare how many calls each kind of jitter costs, and how long everyone waits.',
};

/**
 * Heights at lg and up. The window less the site header (h-14 and its 1 px border, components/ui/SiteHeader)
 * is the sandbox's height: the stage takes the right-hand column's full height and the panels what the
 * introduction leaves in the left-hand one.
 */
const SANDBOX_HEIGHT = 'lg:h-[calc(100dvh-3.5625rem)]';

/** A panel's content fills its panel from lg (the log's list scrolls in what is left), through the dormant wrapper. */
const PANEL_FILL = 'lg:flex lg:min-h-0 lg:flex-1 lg:flex-col';

export function Sandbox() {
  return (
    <TrafficRunProvider>
      <SandboxLayout />
    </TrafficRunProvider>
  );
}

function SandboxLayout() {
  const stageKind = useSandbox(stageOf);
  const charts = stageKind !== 'request';
  const mode = useSandbox((s) => s.scenario.mode);
  usePlaybackDriver();
  useKeyboardShortcuts(!charts);
  const stage = useRef<HTMLDivElement>(null);
  // Set when the learner opens a request from the charts: the control they used goes away, so focus moves to the bar.
  const focusDrillBarRef = useRef(false);
  const diagram = useRef<HTMLDivElement>(null);
  const player = useRef<HTMLElement>(null);
  const room = useStageRoom(stage, diagram);
  const selection = useSandbox((s) => s.selection);
  const [panel, setPanel] = useState<Panel>('conditions');
  const [chosen, setChosen] = useState(false);
  const choose = (next: Panel) => {
    setChosen(true);
    setPanel(next);
  };
  // Until a panel is chosen, a selection — a shared link's `sel` — opens the inspector (adjusted while rendering).
  if (!chosen && selection !== null) choose('inspector');
  const tabs = useRef<HTMLDivElement>(null);
  const reduced = useReducedMotion();
  /** On a phone the panels are under the player: this shows one and brings it into view. */
  const showPanel = (next: Panel) => {
    choose(next);
    tabs.current?.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
  };

  // The inspector, log and waterfall are about one request: a traffic run's charts have none on screen.
  const active = charts ? 'conditions' : panel;
  // The panels are most of the page's HTML and, on a phone, screens below the diagram: each stays server HTML until
  // it nears the screen or is used (components/ui/Dormant), so the sandbox's load hydrates what is in view. The
  // conditions wake at once when they no longer show the default scenario (a link, the mode switch); a hidden panel
  // wakes in the render that shows it.
  const changed = useSandbox((s) => s.scenario !== DEFAULT_SCENARIO);
  const dormant = (content: ReactNode, wakeNow: boolean) => (
    <Dormant className={PANEL_FILL} wakeNow={wakeNow}>
      {content}
    </Dormant>
  );
  const conditions: Tab<Panel> = { id: 'conditions', label: 'Conditions', panel: dormant(<ControlsPanel />, changed) };
  const panels: Tab<Panel>[] = charts
    ? [conditions]
    : [
        conditions,
        { id: 'inspector', label: 'Inspector', panel: dormant(<Inspector />, active === 'inspector') },
        { id: 'log', label: 'Log', panel: dormant(<EventLog fill />, active === 'log') },
        { id: 'waterfall', label: 'Waterfall', panel: dormant(<Waterfall />, active === 'waterfall') },
      ];

  return (
    <div
      className={`mx-auto grid max-w-screen-2xl gap-3 px-3 py-3 sm:px-4 lg:grid-cols-[17rem_minmax(0,1fr)] lg:grid-rows-[auto_minmax(0,1fr)] lg:gap-x-4 xl:grid-cols-[20rem_minmax(0,1fr)] ${SANDBOX_HEIGHT}`}
    >
      <div className="flex min-w-0 flex-col gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sandbox</h1>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {INTRODUCTIONS[mode]}
          </p>
        </div>
        <ModeSwitch />
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <ShareButton />
          <MotionToggle />
          <button type="button" className="text-sm text-blue-700 underline lg:hidden dark:text-blue-300" onClick={() => showPanel('conditions')}>
            Set the conditions ↓
          </button>
        </div>
        <Notices showsAllModes />
        <DebugPanel />
      </div>
      {/* The stage: its column is as tall as the window from lg, and the diagram takes what the others leave. */}
      <div ref={stage} className={`flex min-h-0 min-w-0 flex-col gap-2 lg:col-start-2 lg:row-span-2 lg:row-start-1 ${charts ? 'lg:overflow-y-auto' : ''}`}>
        {stageKind === 'traffic' ? (
          <TrafficStage onOpen={() => (focusDrillBarRef.current = true)} />
        ) : stageKind === 'study' ? (
          <BackoffStudyStage />
        ) : stageKind === 'replaying' ? (
          // The bar stays in place from the wait to the request's views, so its focus and its live region carry over.
          <>
            <DrillBar takeFocusRef={focusDrillBarRef} />
            <ReplayPending />
          </>
        ) : (
          <>
            <DrillBar takeFocusRef={focusDrillBarRef} />
            <OutcomeBanner />
            <RevealOnSelect ref={diagram} className="lg:min-h-0 lg:overflow-hidden" onSelect={() => choose('inspector')}>
              <LazyFlowDiagram maxHeight={room} />
            </RevealOnSelect>
            <section ref={player} id={PLAYER_ID} tabIndex={-1} aria-label="Player" className="grid scroll-mt-2 gap-2 rounded-lg lg:grid-cols-2 lg:items-start">
              <Narration />
              <Timeline />
            </section>
          </>
        )}
      </div>
      {/* After the player in reading order (on a phone, right under it); from lg beside the stage, scrolling on their own. */}
      <Tabs
        ref={tabs}
        label="Panels"
        tabs={panels}
        active={active}
        onChange={choose}
        className="flex min-h-0 min-w-0 scroll-mt-2 flex-col lg:col-start-1 lg:row-start-2"
        panelClassName="pt-3 lg:-mr-2 lg:flex lg:min-h-0 lg:flex-1 lg:flex-col lg:overflow-y-auto lg:pr-2"
      />
      {charts ? null : <CompactPlayerBar diagram={diagram} player={player} onShowInspector={() => showPanel('inspector')} />}
    </div>
  );
}
