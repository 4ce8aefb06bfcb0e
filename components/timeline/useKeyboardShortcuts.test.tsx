// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ownsKey } from './useKeyboardShortcuts';

function element(html: string, selector: string): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

describe('which keys the focused element keeps for itself', () => {
  it('leaves arrows to radio groups, selects, ranges and text fields', () => {
    for (const [html, selector] of [
      ['<fieldset><input type="radio" name="a"><input type="radio" name="a"></fieldset>', 'input'],
      ['<select><option>a</option><option>b</option></select>', 'select'],
      ['<input type="range">', 'input'],
      ['<input type="text">', 'input'],
      ['<textarea></textarea>', 'textarea'],
    ] as const) {
      const target = element(html, selector);
      for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']) expect(ownsKey(target, key), `${selector} ${key}`).toBe(true);
    }
  });

  it('leaves arrows to widgets that handle them: an option in a listbox, a custom radio group', () => {
    expect(ownsKey(element('<ol role="listbox"><li role="option" tabindex="0"><span>x</span></li></ol>', 'span'), 'ArrowDown')).toBe(true);
    expect(ownsKey(element('<div role="radiogroup"><div role="radio" tabindex="0"></div></div>', '[role=radio]'), 'ArrowRight')).toBe(true);
    expect(ownsKey(element('<div role="slider" tabindex="0"></div>', 'div'), 'End')).toBe(true);
  });

  it('lets a checkbox and a button step the timeline with arrows, but keeps Space for them', () => {
    const checkbox = element('<input type="checkbox">', 'input');
    expect(ownsKey(checkbox, 'ArrowRight')).toBe(false);
    expect(ownsKey(checkbox, ' ')).toBe(true);
    const button = element('<button>Step</button>', 'button');
    expect(ownsKey(button, 'ArrowRight')).toBe(false);
    expect(ownsKey(button, ' ')).toBe(true);
    expect(ownsKey(document.body, 'ArrowRight')).toBe(false);
  });
});
