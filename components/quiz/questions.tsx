'use client';

/** One input per question type. Each is a labelled form control, usable from the keyboard. */
import { useId } from 'react';
import { stableShuffle, type Answer } from '@/lib/quiz/grade';
import type { Matching, MultipleChoice, Ordering, Predict, Question, SingleChoice } from '@/lib/quiz/types';

interface InputProps<Q extends Question, A extends Answer> {
  question: Q;
  answer: A;
  onChange: (answer: A) => void;
  disabled: boolean;
}

const choiceClass = 'flex cursor-pointer items-start gap-2 rounded-md border border-slate-300 px-3 py-2 has-checked:border-blue-700 has-checked:bg-blue-50 dark:border-slate-600 dark:has-checked:bg-blue-950';

export function SingleInput({ question, answer, onChange, disabled }: InputProps<SingleChoice, Extract<Answer, { type: 'single' }>>) {
  const name = useId();
  return (
    <div className="flex flex-col gap-1.5">
      {question.options.map((o) => (
        <label key={o.id} className={choiceClass}>
          <input type="radio" className="mt-1 accent-blue-700" name={name} checked={answer.choice === o.id} disabled={disabled} onChange={() => onChange({ type: 'single', choice: o.id })} />
          <span>{o.text}</span>
        </label>
      ))}
    </div>
  );
}

export function MultipleInput({ question, answer, onChange, disabled }: InputProps<MultipleChoice, Extract<Answer, { type: 'multiple' }>>) {
  return (
    <div className="flex flex-col gap-1.5">
      <p className="m-0 text-sm text-slate-700 dark:text-slate-300">Choose every answer that applies.</p>
      {question.options.map((o) => (
        <label key={o.id} className={choiceClass}>
          <input
            type="checkbox"
            className="mt-1 accent-blue-700"
            checked={answer.choices.includes(o.id)}
            disabled={disabled}
            onChange={(e) => onChange({ type: 'multiple', choices: e.target.checked ? [...answer.choices, o.id] : answer.choices.filter((c) => c !== o.id) })}
          />
          <span>{o.text}</span>
        </label>
      ))}
    </div>
  );
}

/** Ordering with Move up / Move down buttons: no dragging needed, so it works from the keyboard and on a phone. */
export function OrderInput({ question, answer, onChange, disabled }: InputProps<Ordering, Extract<Answer, { type: 'order' }>>) {
  const text = (id: string) => question.steps.find((s) => s.id === id)?.text ?? id;
  const move = (from: number, to: number) => {
    const order = [...answer.order];
    const [item] = order.splice(from, 1);
    order.splice(to, 0, item!);
    onChange({ type: 'order', order });
  };
  return (
    <ol className="m-0 flex list-none flex-col gap-1.5 p-0">
      {answer.order.map((id, index) => (
        <li key={id} className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 dark:border-slate-600">
          <span className="w-6 font-mono text-sm">{index + 1}.</span>
          <span className="flex-1">{text(id)}</span>
          <button type="button" className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-slate-600" disabled={disabled || index === 0} onClick={() => move(index, index - 1)} aria-label={`Move “${text(id)}” up`}>
            ↑
          </button>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-slate-600"
            disabled={disabled || index === answer.order.length - 1}
            onClick={() => move(index, index + 1)}
            aria-label={`Move “${text(id)}” down`}
          >
            ↓
          </button>
        </li>
      ))}
    </ol>
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

const ASK_WORDS: Record<Predict['ask'], string> = {
  status: 'the status the browser gets',
  answeredBy: 'which node answers',
  attempts: 'how many attempts the browser makes',
  cache: 'what the edge cache does',
};

export function PredictInput({ question, answer, onChange, disabled }: InputProps<Predict, Extract<Answer, { type: 'predict' }>>) {
  const name = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <p className="m-0 text-sm text-slate-700 dark:text-slate-300">
        Predict {ASK_WORDS[question.ask]}, then check: the simulator runs this scenario and grades your prediction. (
        <a className="text-blue-700 underline dark:text-blue-300" href={`/sandbox/?${question.link}`}>
          the scenario
        </a>
        )
      </p>
      <div className="flex flex-wrap gap-1.5">
        {question.choices.map((c) => (
          <label key={c} className={choiceClass}>
            <input type="radio" className="mt-1 accent-blue-700" name={name} checked={answer.choice === c} disabled={disabled} onChange={() => onChange({ type: 'predict', choice: c })} />
            <span className="font-mono">{c}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
