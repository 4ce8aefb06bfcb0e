/** Playback icons as inline SVG: font glyphs for ⏮ and ⏭ are missing on many systems. */
const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, fill: 'currentColor' } as const;

export const ToStartIcon = () => (
  <svg {...common}>
    <rect x="2" y="3" width="2" height="10" />
    <path d="M14 3v10L5 8z" />
  </svg>
);
export const StepBackIcon = () => (
  <svg {...common}>
    <path d="M12 3v10L4 8z" />
  </svg>
);
export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4 2.5v11L13.5 8z" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...common}>
    <rect x="3.5" y="3" width="3" height="10" />
    <rect x="9.5" y="3" width="3" height="10" />
  </svg>
);
export const StepForwardIcon = () => (
  <svg {...common}>
    <path d="M4 3v10l8-5z" />
    <rect x="12" y="3" width="2" height="10" />
  </svg>
);
export const ToEndIcon = () => (
  <svg {...common}>
    <path d="M2 3v10l9-5z" />
    <rect x="12" y="3" width="2" height="10" />
  </svg>
);
export const ReplayIcon = () => (
  <svg {...common} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
    <path d="M3 8a5 5 0 1 0 1.6-3.7" />
    <path d="M3 2.5v3h3" />
  </svg>
);
