// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Explained } from './Explained';

afterEach(cleanup);

describe('a term that explains itself', () => {
  it('is a button described by its explanation, which a click or Enter opens and Escape closes', () => {
    render(
      <p>
        <Explained term="Attempts">How many times the browser sent the request.</Explained>
        <button type="button">elsewhere</button>
      </p>,
    );
    const term = screen.getByRole('button', { name: 'Attempts' });
    const tip = document.getElementById(term.getAttribute('aria-describedby')!)!;
    expect(tip.textContent).toBe('How many times the browser sent the request.');
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(term.getAttribute('aria-expanded')).toBe('false');
    expect(tip.hidden).toBe(true);

    // A button's Enter and Space arrive as a click.
    fireEvent.click(term);
    expect(term.getAttribute('aria-expanded')).toBe('true');
    expect(tip.hidden).toBe(false);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(tip.hidden).toBe(true);

    fireEvent.click(term);
    fireEvent.click(term);
    expect(tip.hidden).toBe(true);
  });

  it('closes when the learner taps somewhere else', () => {
    render(
      <div>
        <Explained term="Retries">Retries by every layer together.</Explained>
        <button type="button">elsewhere</button>
      </div>,
    );
    const term = screen.getByRole('button', { name: 'Retries' });
    fireEvent.click(term);
    expect(term.getAttribute('aria-expanded')).toBe('true');
    fireEvent.pointerDown(screen.getByRole('button', { name: 'elsewhere' }));
    expect(term.getAttribute('aria-expanded')).toBe('false');
  });
});
