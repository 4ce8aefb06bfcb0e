/**
 * On a touch screen the page's scrollbar is an overlay: it takes no room, and shows only while the page scrolls. Chrome
 * also flashes it when a page first becomes scrollable, fading it out over the next ~300 ms
 * (`ScrollbarAnimationController::CreateScrollbarAnimationControllerAndroid` in Chromium's
 * `cc/input/scrollbar_animation_controller.cc`). That fade is a compositor frame every 16 ms in exactly the moments the
 * page is fetching and starting its scripts. In Lighthouse's mobile runs it was 18–19 frames after the first paint of
 * a lesson or the sandbox, each composited in software and screenshotted, and the main thread waited for a core
 * behind them: sandbox TBT 357 → 137 ms and TTI 3.1 → 2.6 s without the flash (medians of 6, interleaved). A phone does
 * the same frames on its GPU, but on the same few CPU cores as everything else.
 *
 * So on a coarse pointer the document's scrollbar is hidden (`scrollbar-width: none`) until the learner first
 * scrolls, and then comes back for good. It never hides a classic scrollbar, which takes room: only a coarse
 * pointer gets overlay scrollbars (Android, iOS, Windows and ChromeOS in tablet mode), and a fine pointer is left
 * alone. Without scripts the scrollbar is simply never hidden.
 *
 * Runs in <head>, before the body is laid out. A constant, not user input; ES5 so that it parses wherever the page does.
 */
export const OVERLAY_SCROLLBAR_SCRIPT =
  "(function(){if(!window.matchMedia||!matchMedia('(pointer: coarse)').matches)return;var s=document.documentElement.style;" +
  "s.scrollbarWidth='none';addEventListener('scroll',function(){s.scrollbarWidth=''},{once:true,passive:true})})()";
