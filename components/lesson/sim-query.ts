/**
 * A lesson simulator's scenario as a share-link query (`preset=…&…`), shared by the client `<Sim>` and the server
 * `<TrafficSim>`; a plain module, so neither pulls the other's code, nor the codec, into the lesson's first load.
 */
export function simQuery({ preset, link }: { preset?: string; link?: string }): string {
  return [preset ? `preset=${encodeURIComponent(preset)}` : '', link?.replace(/^\?/, '') ?? ''].filter(Boolean).join('&');
}
