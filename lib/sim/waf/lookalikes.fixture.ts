/**
 * Benign inputs that share characters or words with attacks. The SQL
 * injection and XSS tests both require every one of them to pass.
 */
export const BENIGN_LOOKALIKES = [
  "O'Brien",
  '<3',
  'I <3 cats',
  'a <3 b',
  'x < y > z',
  'a < b and b > c',
  'select a product',
  'Union Station',
  'drop me a line; select any colour',
  '1=1 is true in maths',
  "rock 'n' roll",
  "it's 5 o'clock",
  'price < 100 & rating > 4',
  "email me at o'neil@example.com",
  '#hashtag -- dash',
  'the script was great',
  'on=1&onload',
  'javascript is fun',
  'shoes',
  '',
  '%',
  '%%41',
  '%E0%A4%A',
  'We drove past Union Station at five, picked up two coffees (one with oat milk), ' +
    "and argued about whether O'Reilly or Manning publishes the better SQL books; " +
    'in the end we agreed that 2 + 2 = 4 and that the script for the talk was fine.',
];

export const LONG_BENIGN_SENTENCE = BENIGN_LOOKALIKES[BENIGN_LOOKALIKES.length - 1] ?? '';
