import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectSqli } from './sqli';
import { MAX_INSPECTED_CHARS } from './transforms';
import { BENIGN_LOOKALIKES, LONG_BENIGN_SENTENCE } from './lookalikes.fixture';

describe('detectSqli', () => {
  it.each([
    // The classic login bypasses.
    "' OR 1=1--",
    "' or '1'='1",
    "admin'--",
    '1 OR 1=1',
    '" or ""="',
    "') OR ('a'='a",
    "' OR 'x' LIKE 'x",
    "x' AnD 1=1 --",
    "' or true--",
    "' or 1--",
    '1 or 1--',
    "'or'1'='1",
    "' or ''='",
    "1' and '1'='1",
    "' and (select count(*) from users) > 0--",
    "' and 1 in (select 1)--",
    "' AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64--",
    "' || 1=1--",
    '" OR 1=1#',
    '1) or (1=1',
    '-1 OR 2>1',
    "admin' #",
    "admin'/*",
    "ADMIN')-- -",
    '1--',
    // UNION-based extraction.
    "1' UNION SELECT username, password FROM users--",
    '1 union all select null,null--',
    "1'/**/UNION/**/SELECT/**/1,2,3--",
    '-1 /*!50000UNION*/ /*!50000SELECT*/ 1,2,3',
    '1 UNION SELECT @@version--',
    "' UNION ALL SELECT NULL, table_name FROM information_schema.tables--",
    // Column probing.
    "1' ORDER BY 3--",
    '1 order by 1,2,3',
    "' GROUP BY id HAVING 1=1 --",
    "' HAVING 1=1#",
    // Error-based extraction.
    '1 and extractvalue(1,concat(0x7e,version()))',
    "' and updatexml(1,concat(0x7e,user()),1)--",
    // Stacked queries.
    "'; DROP TABLE users;--",
    "1; exec master..xp_cmdshell 'ping 10.0.0.1'--",
    "1'; SHUTDOWN--",
    "'; INSERT INTO users (name) VALUES ('eve')--",
    "'; UPDATE users SET role='admin' WHERE name='eve'--",
    // Time-based blind.
    "1; WAITFOR DELAY '0:0:5'--",
    "1 waitfor delay '0:0:10'",
    "' AND SLEEP(5)#",
    '1 AND BENCHMARK(5000000,MD5(1))',
    "' || pg_sleep(10)--",
    '1) AND (SELECT SLEEP(5))--',
    "' or if(1=1,sleep(5),0)#",
    // Encoded, commented and re-spaced variants.
    '%27%20OR%201%3D1--',
    '%2527%2520or%25201%253D1--',
    '&#39; or 1=1--',
    '1+OR+1%3D1',
    "' oR/**/1=1--",
    '1\tOR\n1=1',
    "%27%3B%20DROP%20TABLE%20accounts%3B--",
  ])('flags %j', (input) => {
    expect(detectSqli(input).matched).toBe(true);
  });

  it.each([
    ...BENIGN_LOOKALIKES,
    '10--15',
    '5 or 6 people',
    '5 or 6',
    '1 and 2',
    '"Be yourself" -- Oscar Wilde',
    '1 -- first item',
    "please order by 3 o'clock",
    '5 order by tuesday please',
    '"Hello" and "goodbye"',
    'Tom & Jerry\'s "greatest" hits',
    "I'll take 1 or 2, thanks",
    'the union select committee met today',
    'sleep (8 hours) and coffee',
    '50% off, 100% cotton',
    '2 + 2 = 4',
    'C:\\Program Files\\app',
    'Ünïcode café — naïve résumé',
  ])('lets %j through', (input) => {
    expect(detectSqli(input).matched).toBe(false);
  });

  it.each([
    ["' OR 1=1--", /^a quote closes the string, then OR 1=1 makes the condition always true$/],
    ["' or '1'='1", /quote closes the string.*OR '1'='1 makes the condition always true/],
    ['1 OR 1=1', /^after the number, OR 1=1 makes the condition always true$/],
    ["x' AnD 1=1 --", /AND 1=1 adds a condition that is always true/],
    ['-1 OR 2>1', /OR 2>1 adds the attacker's own condition/],
    ["admin'--", /^a quote closes the string, then -- comments out the rest of the query$/],
    ["1' UNION SELECT username, password FROM users--", /UNION SELECT/],
    ["'; DROP TABLE users;--", /semicolon ends the query and starts a new DROP TABLE statement/],
    ["' AND SLEEP(5)#", /SLEEP\(\) makes the database pause/],
    ["1; WAITFOR DELAY '0:0:5'--", /WAITFOR DELAY makes the database pause/],
  ])('explains %j in plain English', (input, reason) => {
    expect(detectSqli(input).reason).toMatch(reason);
  });

  it('explains why a lone apostrophe is harmless', () => {
    expect(detectSqli("O'Brien")).toEqual({
      matched: false,
      reason: 'the quote is followed by ordinary text, not SQL structure',
    });
    expect(detectSqli('shoes').reason).toBe('no SQL structure after decoding');
  });
});

/**
 * The kinds of payload the OWASP Core Rule Set's SQL injection rules (942xxx)
 * are tested against, each kind with benign text that shares its words or
 * punctuation. The cases are written for this project; the detector is judged
 * on them, not tuned to them.
 */
describe('detectSqli on CRS-style payloads', () => {
  const attacks: Record<string, string[]> = {
    tautologies: [
      "' or 'a'='a",
      "' or 1=1 limit 1 --",
      "admin' or '1'='1'--",
      "' or 2 > 1--",
      "' or 'x'<>'y",
      "' or 1 like 1--",
      "' or 0x1=0x1--",
      "' or 'a' is not null--",
      "' or 1 in (1)--",
      "' or username like '%",
      "x' or 1 between 0 and 2--",
      '1/**/or/**/1=1',
      "' or not 0--",
      "')) or (('x'='x",
      "' or exists(select 1)--",
      "' or (1)=(1)--",
      "1' xor 1=1--",
      "' or u.name=u.name--",
    ],
    union: [
      "' union select 1,2,3--",
      '1 UNION ALL SELECT 1,@@version#',
      "' UNION SELECT password FROM users WHERE '1'='1",
      "-1 union select load_file('/etc/passwd')",
      '1 union(select 1,2)',
      '1 union/**/select/**/user()',
      '1 UNION%0ASELECT 1,2',
      "1'+union+select+1,2--+",
      '1 union distinct select 1,2',
      '1 /*!12345UNION SELECT*/ 1,2',
      '0 union select * from users',
      '-1\' union select group_concat(username),2 from users-- -',
    ],
    'stacked queries': [
      '1; drop table users',
      "'; exec xp_cmdshell('dir')--",
      "'; declare @q varchar(99); exec(@q)--",
      '1);drop table x--',
      "'; truncate table logs;--",
      "1; insert into admins values('eve')",
      '1; delete from users--',
      "'; alter table users add x int--",
    ],
    'time-based': [
      '1 and sleep(5)',
      "' and sleep(5) and '1'='1",
      '1 or pg_sleep(5)',
      "'; select pg_sleep(5)--",
      '1 and (select * from (select(sleep(5)))a)',
      '1 rlike sleep(5)',
      "' xor sleep(5) or '",
      '1) or sleep(5)#',
      '1-sleep(5)',
      "'||(select pg_sleep(5))||'",
      "'%2Bsleep(5)%2B'",
      "1' and dbms_pipe.receive_message('a',5)=1--",
    ],
    comments: ['admin\'#', "1' --+", "'-- -", 'admin"--', "admin' -- comment", '1#', "admin'; --", "' /*!or*/ 1=1--"],
    'error-based and joined expressions': [
      '1 and extractvalue(1,concat(0x7e,(select user())))',
      "' and 1=convert(int,@@version)--",
      '1 and 1=cast(version() as int)',
      "'%2Bconvert(int,(select @@version))%2B'",
      "' %2B @@version %2B '",
      '1%2B(select 1)',
      "'||utl_inaddr.get_host_name((select user from dual))||'",
    ],
  };

  for (const [kind, payloads] of Object.entries(attacks)) {
    it.each(payloads)(`flags ${kind}: %j`, (input) => {
      expect(detectSqli(input).matched).toBe(true);
    });
  }

  const benign: Record<string, string[]> = {
    'words from tautologies': ['Rock or roll', '1 or 2 items', "either 'a' or 'b'", "it's 1=1 for me", '1st and 2nd', '3 > 2 and 2 > 1', 'score >= 90 or < 10'],
    'words from UNION': ["'Hello' said the union rep", "it's a 'union' of sorts", 'select your size'],
    'semicolons and statements': ['Hello; drop me a line', 'meet at 5; update me later', "We're open 9-5; closed Sundays", 'the exec summary; drop by'],
    'words from time-based probes': ['I need sleep (5 hours)', 'sleep(8) hours a night', "I'll sleep (maybe)"],
    'dashes and hashes': ['Be yourself -- Oscar', 'C# developer', "'C#' is great", "it's 100% cotton -- really"],
    'quotes and operators': [
      "5' 11\" tall",
      "Don't stop; believin'",
      "O'Neil and O'Hara",
      '2 * (3 + 4) = 14',
      '(555) 123-4567',
      '5 %2B f(x)',
      "'+sleep(5)+'", // in a query string `+` is a space: the application reads `' sleep(5) '`
      'R&D; Q&A',
      'version 1.2.3',
    ],
  };

  for (const [kind, inputs] of Object.entries(benign)) {
    it.each(inputs)(`lets ${kind} through: %j`, (input) => {
      expect(detectSqli(input).matched).toBe(false);
    });
  }

  it.each([
    ["'%2Bconvert(int,(select @@version))%2B'", /^a quote closes the string, then \+ convert\(.*makes the database evaluate the attacker's own expression$/],
    ["' or u.name=u.name--", /OR u\.name=u\.name makes the condition always true/],
  ])('explains %j in plain English', (input, reason) => {
    expect(detectSqli(input).reason).toMatch(reason);
  });
});

describe('detectSqli robustness', () => {
  it('handles a 64 KB benign input without matching', () => {
    let big = '';
    while (big.length < MAX_INSPECTED_CHARS) big += LONG_BENIGN_SENTENCE + ' ';
    expect(detectSqli(big.slice(0, MAX_INSPECTED_CHARS)).matched).toBe(false);
  });

  // Inputs that make backtracking regexes explode. The test's own timeout guards against that; speed is measured by `npm run bench`.
  it('reads pathological 64 KB inputs to the end without matching', () => {
    const inputs = [
      "'".repeat(MAX_INSPECTED_CHARS),
      '('.repeat(MAX_INSPECTED_CHARS),
      "' or (".repeat(10_000),
      '%25'.repeat(22_000),
      ' union select'.repeat(5_000),
      ' union select f('.repeat(4_000),
      "' or a.".repeat(9_000),
      "'%2B(".repeat(10_000),
    ];
    for (const input of inputs) {
      expect(typeof detectSqli(input).matched).toBe('boolean');
    }
  });

  it('ignores a payload that starts beyond the 64 KB inspection limit', () => {
    expect(detectSqli('a'.repeat(MAX_INSPECTED_CHARS) + "' OR 1=1--").matched).toBe(false);
  });

  it('never throws and always explains itself on generated strings (seed 7)', () => {
    const piece = fc.constantFrom(
      "'", '"', '`', ';', '--', '#', '/*', '*/', '/*!', '(', ')', ',', '=', '<', '>', '/', '.', '+', '%2B',
      ' ', 'or', 'and', 'union', 'select', 'sleep', 'waitfor', 'delay', 'drop', 'table',
      '1', '0x', '@@', 'a', 'f(', '%27',
    );
    const arbitrary = fc.oneof(fc.string({ unit: piece, maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(arbitrary, (input) => {
        const result = detectSqli(input);
        return typeof result.matched === 'boolean' && result.reason.length > 0;
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});
