/** Small quiz questions of each type, shared by the grading tests and the quiz component tests. */
import type { Matching, Ordering, Predict, SingleChoice } from '@/lib/quiz/types';

export const httpsPort: SingleChoice = {
  id: 'https-port',
  type: 'single',
  prompt: 'Which port does HTTPS use?',
  options: [
    { id: 'a', text: '80' },
    { id: 'b', text: '443' },
  ],
  answer: 'b',
  explanation: 'Port 80 (a) is plain HTTP; TLS is *layered* on 443.',
  covers: ['x'],
};

export const handshakeOrder: Ordering = {
  id: 'handshake',
  type: 'order',
  prompt: 'Order the handshake.',
  steps: [
    { id: 'syn', text: 'SYN' },
    { id: 'synack', text: 'SYN-ACK' },
    { id: 'ack', text: 'ACK' },
  ],
  explanation: '…',
  covers: ['x'],
};

export const databasePorts: Matching = {
  id: 'ports',
  type: 'match',
  prompt: 'Match.',
  pairs: [
    { left: 'PostgreSQL', right: '5432' },
    { left: 'MySQL', right: '3306' },
    { left: 'Redis', right: '6379' },
  ],
  explanation: '…',
  covers: ['x'],
};

export const sqliStatus: Predict = { id: 'p', type: 'predict', prompt: '?', link: 'payload=sqli', ask: 'status', choices: ['200', '403', '503'], explanation: '…', covers: ['x'] };
