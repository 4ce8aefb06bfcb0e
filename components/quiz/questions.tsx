'use client';

/** One input per question type. Each is a labelled form control, usable from the keyboard. */
import { useEffect, useId, useRef, useState } from 'react';
import { stableShuffle, type Answer } from '@/lib/quiz/grade';
import { optionLetter } from '@/lib/quiz/letters';
import { predictionSentence, predictLead } from '@/lib/quiz/predict-words';
import type { Matching, MultipleChoice, Ordering, Predict, PredictTraffic, Question, SingleChoice } from '@/lib/quiz/types';
import { InlineMarkdown } from './InlineMarkdown';

interface InputProps<Q extends Question, A extends Answer> {
  question: Q;
  answer: A;
  onChange: (answer: A) => void;
  disabled: boolean;
}

const choiceClass =
  'flex cursor-pointer items-start gap-2 rounded-md border border-slate-300 px-3 py-2 has-checked:border-blue-700 has-checked:bg-blue-50 has-disabled:cursor-default dark:border-slate-600 dark:has-checked:bg-blue-950';

/**
 * An option's text after the letter explanations use for it ("(b) is false"). The letter is inline and
 * followed by a real space, so it reads as part of the option's name ("B 443", not "B443"); the hanging
 * indent keeps wrapped lines clear of it.
 */
function Lettered({ index, text }: { index: number; text: string }) {
  return (
    <span className="min-w-0 pl-5 -indent-5">
      <span className="inline-block w-4 indent-0 font-mono text-sm font-semibold text-slate-600 dark:text-slate-400">{optionLetter(index)}</span>{' '}
      <InlineMarkdown text={text} />
    </span>
  );
}

export function SingleInput({ question, answer, onChange, disabled }: InputProps<SingleChoice, Extract<Answer, { type: 'single' }>>) {
  const name = useId();
  return (
    <div className="flex flex-col gap-1.5">
      {question.options.map((o, i) => (
        <label key={o.id} className={choiceClass}>
          <input type="radio" className="mt-1 accent-blue-700" name={name} checked={answer.choice === o.id} disabled={disabled} onChange={() => onChange({ type: 'single', choice: o.id })} />
          <Lettered index={i} text={o.text} />
        </label>
      ))}
    </div>
  );
}

export function MultipleInput({ question, answer, onChange, disabled }: InputProps<MultipleChoice, Extract<Answer, { type: 'multiple' }>>) {
  return (
    <div className="flex flex-col gap-1.5">
      <p className="m-0 text-sm text-slate-700 dark:text-slate-300">Choose every answer that applies.</p>
      {question.options.map((o, i) => (
        <label key={o.id} className={choiceClass}>
          <input
            type="checkbox"
            className="mt-1 accent-blue-700"
            checked={answer.choices.includes(o.id)}
            disabled={disabled}
            onChange={(e) => onChange({ type: 'multiple', choices: e.target.checked ? [...answer.choices, o.id] : answer.choices.filter((c) => c !== o.id) })}
          />
          <Lettered index={i} text={o.text} />
        </label>
      ))}
    </div>
  );
}

type Direction = 'up' | 'down';

/**
 * Ordering with Move up / Move down buttons: no dragging needed, so it works from the keyboard and on a phone.
 * Each move is announced, and focus follows the moved step so it can be moved again straight away.
 */
export function OrderInput({ question, answer, onChange, disabled }: InputProps<Ordering, Extract<Answer, { type: 'order' }>>) {
  const [announcement, setAnnouncement] = useState('');
  const moved = useRef<{ id: string; direction: Direction } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const text = (id: string) => question.steps.find((s) => s.id === id)?.text ?? id;
  const count = answer.order.length;

  useEffect(() => {
    const last = moved.current;
    if (!last) return;
    moved.current = null;
    const index = answer.order.indexOf(last.id);
    // At the top or bottom the button just pressed is disabled, so focus its partner instead.
    const direction: Direction = last.direction === 'up' && index === 0 ? 'down' : last.direction === 'down' && index === count - 1 ? 'up' : last.direction;
    buttons.current.get(`${last.id}:${direction}`)?.focus();
  }, [answer.order, count]);

  const move = (from: number, direction: Direction) => {
    const to = direction === 'up' ? from - 1 : from + 1;
    const order = [...answer.order];
    const [item] = order.splice(from, 1);
    order.splice(to, 0, item!);
    moved.current = { id: item!, direction };
    const neighbour = direction === 'up' ? order[to + 1] : order[to - 1];
    setAnnouncement(`“${text(item!)}” moved ${direction} to position ${to + 1} of ${count}, ${direction === 'up' ? 'before' : 'after'} “${text(neighbour!)}”.`);
    onChange({ type: 'order', order });
  };

  const buttonClass = 'rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-slate-600';
  const register = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <>
      <ol className="m-0 flex list-none flex-col gap-1.5 p-0">
        {answer.order.map((id, index) => (
          <li key={id} className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 dark:border-slate-600">
            <span className="w-6 shrink-0 font-mono text-sm">{index + 1}.</span>
            <span className="min-w-0 flex-1">
              <InlineMarkdown text={text(id)} />
            </span>
            <button type="button" ref={register(`${id}:up`)} className={buttonClass} disabled={disabled || index === 0} onClick={() => move(index, 'up')} aria-label={`Move “${text(id)}” up`}>
              ↑
            </button>
            <button type="button" ref={register(`${id}:down`)} className={buttonClass} disabled={disabled || index === count - 1} onClick={() => move(index, 'down')} aria-label={`Move “${text(id)}” down`}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </>
  );
}

export function MatchInput({ question, answer, onChange, disabled }: InputProps<Matching, Extract<Answer, { type: 'match' }>>) {
  const id = useId();
  const rights = stableShuffle(
    question.pairs.map((p) => p.right),
    `${question.id}-rights`,
  );
  return (
    <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      {question.pairs.map((pair, index) => (
        <div key={pair.left} className="contents">
          <label htmlFor={`${id}-${index}`} className="self-center font-medium">
            {pair.left}
          </label>
          <select
            id={`${id}-${index}`}
            className="h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
            value={answer.matches[pair.left] ?? ''}
            disabled={disabled}
            onChange={(e) => onChange({ type: 'match', matches: { ...answer.matches, [pair.left]: e.target.value } })}
          >
            <option value="">Choose…</option>
            {rights.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}

/** A prediction about one request or about a traffic run: the choices are sentences about what happens. */
export function PredictInput({ question, answer, onChange, disabled }: InputProps<Predict | PredictTraffic, Extract<Answer, { type: 'predict' }>>) {
  const name = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <p className="m-0 text-sm text-slate-700 dark:text-slate-300">{predictLead(question)}</p>
      {(question.choices as readonly string[]).map((c) => (
        <label key={c} className={choiceClass}>
          <input type="radio" className="mt-1 accent-blue-700" name={name} checked={answer.choice === c} disabled={disabled} onChange={() => onChange({ type: 'predict', choice: c })} />
          <span>{predictionSentence(question, c)}</span>
        </label>
      ))}
    </div>
  );
}
