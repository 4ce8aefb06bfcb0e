import { describe, expect, it } from 'vitest';
import { NODE_IDS } from '@/lib/sim/types';
import { choiceSentence, choiceSentenceOrNull } from './predict-words';

const CACHE_OUTCOMES = ['hit', 'miss', 'stale', 'revalidated', 'bypass', 'error'];

describe('predict choices as sentences', () => {
  it('describes every node that can answer, and no answer at all, without a bare id', () => {
    for (const node of [...NODE_IDS, 'null']) {
      const sentence = choiceSentenceOrNull('answeredBy', node);
      expect(sentence, node).toMatch(/^[A-Z].* /);
      expect(sentence, node).not.toMatch(new RegExp(`^${node}$`));
    }
    expect(choiceSentence('answeredBy', 'edge')).toBe('The CDN edge (CloudFront) answers');
    expect(choiceSentence('answeredBy', 's3')).toBe('The S3 bucket answers');
  });

  it('describes every cache outcome, keeping the outcome’s word that explanations quote', () => {
    for (const outcome of CACHE_OUTCOMES) expect(choiceSentence('cache', outcome)).toMatch(new RegExp(`^The edge .*\\(${outcome}\\)$`));
  });

  it('names a status with its reason phrase, and counts attempts in words', () => {
    expect(choiceSentence('status', '503')).toBe('The browser gets 503 Service Unavailable');
    expect(choiceSentence('status', '418')).toBe('The browser gets a 418 response');
    expect(choiceSentence('status', 'null')).toBe('The browser gets no answer at all');
    expect(choiceSentence('attempts', '1')).toBe('The browser sends the request once, with no retry');
    expect(choiceSentence('attempts', '2')).toBe('The browser sends it 2 times: the first try and 1 retry');
    expect(choiceSentence('attempts', '3')).toBe('The browser sends it 3 times: the first try and 2 retries');
  });

  it('knows no sentence for a value the engine cannot give, and never falls back to the value', () => {
    expect(choiceSentenceOrNull('answeredBy', 'lambda')).toBeNull();
    expect(choiceSentenceOrNull('answeredBy', 'toString')).toBeNull();
    expect(choiceSentenceOrNull('status', 'teapot')).toBeNull();
    expect(choiceSentenceOrNull('attempts', '0')).toBeNull();
    expect(choiceSentence('cache', 'warm')).not.toContain('warm');
  });
});
