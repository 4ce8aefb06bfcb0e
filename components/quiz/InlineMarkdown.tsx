/** Quiz text with its inline Markdown drawn as elements. React escapes every string, so no author text runs as HTML. */
import { Fragment } from 'react';
import { parseInline, type Inline } from '@/lib/quiz/inline-markdown';

function render(nodes: readonly Inline[]) {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'code':
        return (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800">
            {node.text}
          </code>
        );
      case 'em':
        return <em key={i}>{render(node.children)}</em>;
      case 'strong':
        return <strong key={i}>{render(node.children)}</strong>;
      case 'link':
        return (
          <a key={i} href={node.href} className="text-blue-700 underline dark:text-blue-300">
            {render(node.children)}
          </a>
        );
    }
  });
}

export function InlineMarkdown({ text }: { text: string }) {
  return <>{render(parseInline(text))}</>;
}
