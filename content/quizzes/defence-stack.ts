import type { Quiz } from '@/lib/quiz/types';

const SECURITY = 'full-communication-flow-with-waf-shield-ports-and-protocols--6-security-layers-defense-stack';
const KEY_POINTS = 'full-communication-flow-with-waf-shield-ports-and-protocols--key-points';
const RDS = 'full-communication-flow-with-waf-shield-ports-and-protocols--5-app-server-web-server-database-aws-rds';

export const quiz: Quiz = {
  lesson: 'defence-stack',
  questions: [
    {
      id: 'sqli-probe-status',
      type: 'predict',
      prompt: "A visitor sends GET /api/profile?q=' OR 1=1-- with the WAF on. What status does the browser get?",
      link: 'payload=sqli',
      ask: 'status',
      choices: ['200', '403', '500', '503'],
      explanation:
        "The SQLi managed rule set matches SQLi_QUERYARGUMENTS, and Block answers 403 Forbidden by default. The request never reaches the cache, the app or the database, so nothing there can fail with a 500 or 503. A 200 would mean the WAF let it through, which only happens in Count mode or with the WAF off.",
      covers: [SECURITY],
    },
    {
      id: 'count-mode-answered-by',
      type: 'predict',
      prompt: 'Same SQL injection probe, but the WAF is set to Count only. Who answers the browser?',
      link: 'payload=sqli&waf=count',
      ask: 'answeredBy',
      choices: ['waf', 'edge', 'app', 'db'],
      explanation:
        "Count records the match and goes on to the next rule; it never stops evaluation. No rule blocks, so the web ACL's default action (Allow) applies, the edge has no copy, and the app answers. It is tempting to pick the WAF because the rule still matched, but a matching Count rule only leaves a trace in logs and metrics. The app is safe because it sends the text as a bound parameter.",
      covers: [SECURITY],
    },
    {
      id: 'rule-priority',
      type: 'single',
      prompt:
        "A web ACL has: priority 0 AllowOfficeNetwork (Allow, source in 203.0.113.0/24), priority 1 the common rule set (Block), priority 2 the SQLi rule set (Block), default action Allow. A request from 203.0.113.7 carries ' OR 1=1--. What happens?",
      options: [
        { id: 'a', text: 'Rule 2 blocks it with a 403: Block always beats Allow.' },
        { id: 'b', text: 'Rule 0 allows it and evaluation stops; the SQLi rule never sees it.' },
        { id: 'c', text: 'All three rules run, and the most specific match wins.' },
        { id: 'd', text: 'The default action decides, because two rules disagree.' },
      ],
      answer: 'b',
      explanation:
        'AWS WAF runs rules lowest priority number first, and Allow and Block both stop evaluation. Rule 0 matches first and allows the request, so rules 1 and 2 are never evaluated. There is no "Block beats Allow" or "most specific wins" rule; order alone decides. That is why allow-lists at the top of a web ACL must be kept narrow.',
      covers: [SECURITY],
    },
    {
      id: 'layers-match',
      type: 'match',
      prompt: 'Match each layer of the defence stack to what describes it.',
      pairs: [
        { left: 'Shield Standard', right: 'Automatic and free; drops SYN floods, UDP floods and reflection at layers 3/4' },
        { left: 'Shield Advanced', right: 'Paid; adds automatic layer 7 mitigation on CloudFront and ALB, and the Shield Response Team' },
        { left: 'AWS WAF', right: 'Reads the decrypted HTTP request; rules run by priority with Allow, Block or Count' },
        { left: 'Security group', right: 'Per ENI, allow rules only, stateful: replies are allowed automatically' },
        { left: 'Network ACL', right: 'Per subnet, numbered allow and deny rules, first match wins, stateless' },
      ],
      explanation:
        'Shield works on packets (Standard at layers 3 and 4; Advanced reaches into layer 7). Only the WAF reads the request itself, after TLS is decrypted. Security groups and NACLs both filter addresses and ports inside the VPC, but a security group is stateful and allow-only on one interface, while a NACL is stateless, ordered and guards a whole subnet.',
      covers: [SECURITY, KEY_POINTS],
    },
    {
      id: 'shield-accuracy',
      type: 'single',
      prompt: 'The notes say "AWS Shield protects from DDoS attacks at layers 3 and 4." Which statement is the accurate version?',
      options: [
        { id: 'a', text: 'True of Shield Standard; Shield Advanced (paid) adds automatic layer 7 mitigation on CloudFront and ALB.' },
        { id: 'b', text: 'Shield covers layers 3 to 7 for everyone, so a WAF is not needed against HTTP floods.' },
        { id: 'c', text: 'Shield only works if you enable it on each EC2 instance.' },
        { id: 'd', text: 'Shield replaces security groups for traffic inside the VPC.' },
      ],
      answer: 'a',
      explanation:
        'Shield Standard is automatic, free and covers layers 3 and 4 inline at CloudFront and Route 53. Layer 7 protection comes from Shield Advanced, or from your own WAF rate-based rules. It is not on per instance, and it does nothing inside the VPC: that is what security groups and NACLs are for. Together WAF and Shield give the network-layer and application-layer protection the key points describe.',
      covers: [SECURITY, KEY_POINTS],
    },
    {
      id: 'nacl-ephemeral',
      type: 'single',
      prompt:
        "The database subnet's custom NACL allows inbound TCP 5432 from the app subnet and outbound TCP 5432 to the app subnet, nothing else. The security groups are correct. What does the app see?",
      options: [
        { id: 'a', text: 'Everything works: the NACL is stateful, so replies are allowed.' },
        { id: 'b', text: 'An immediate "connection refused" from the database.' },
        { id: 'c', text: "Timeouts: the database's replies go to the app's ephemeral port, which the outbound rule does not allow." },
        { id: 'd', text: 'A 403 from the WAF.' },
      ],
      answer: 'c',
      explanation:
        "NACLs are stateless, so replies need their own rule. The database answers from 5432 to the app's ephemeral port (1024–65535 in practice), and the outbound rule only allows destination port 5432, so the reply is dropped silently at the subnet edge. Nothing sends a reset, so the app waits until its timeout rather than seeing a refusal. The WAF never sees traffic inside the VPC. Fix it with an outbound rule for TCP 1024–65535 to the app subnet.",
      covers: [SECURITY],
    },
    {
      id: 'security-group-facts',
      type: 'multiple',
      prompt: 'Which statements about security groups are true? Select all that apply.',
      options: [
        { id: 'a', text: "Return traffic for an allowed connection is allowed automatically." },
        { id: 'b', text: "A rule can name another security group as its source, such as 5432 from the app's group." },
        { id: 'c', text: 'You can add a deny rule to block one abusive IP address.' },
        { id: 'd', text: 'Rules are evaluated by number, and the first match wins.' },
        { id: 'e', text: 'A new security group allows all outbound traffic and no inbound traffic.' },
      ],
      answers: ['a', 'b', 'e'],
      explanation:
        "Security groups are stateful (A), can reference other groups (B), which is how RDS is made reachable only from the app's security group, and start with no inbound rules and all outbound allowed (E). They have allow rules only, so (C) needs a NACL deny rule or, better at the edge, a WAF IP-set rule. Numbered, first-match evaluation (D) describes a NACL; a security group evaluates all its rules.",
      covers: [SECURITY, RDS],
    },
    {
      id: 'app-to-db-filters',
      type: 'order',
      prompt: "The app opens a connection to RDS in another subnet. Put the filters its SYN passes through in order.",
      steps: [
        { id: 'sg-app-out', text: "The app ENI's security group checks the outbound packet" },
        { id: 'nacl-app-out', text: "The app subnet's NACL checks it on the way out" },
        { id: 'nacl-db-in', text: "The database subnet's NACL checks it on the way in (rule 100: 5432 from the app subnet)" },
        { id: 'sg-db-in', text: "The RDS ENI's security group checks it (5432 from sg-app)" },
        { id: 'postgres', text: 'PostgreSQL receives the SYN on port 5432' },
      ],
      explanation:
        'A security group sits on the interface and a NACL on the subnet boundary. Leaving, a packet passes its own interface first and then its subnet edge; arriving, it crosses the destination subnet edge first and then the destination interface. So the NACLs sit in the middle and the security groups at either end.',
      covers: [SECURITY, RDS],
    },
    {
      id: 'waf-off-bound-parameter',
      type: 'predict',
      prompt: "With the WAF off, ' OR 1=1-- reaches the app, which sends it to PostgreSQL as a bound parameter ($1). What status does the browser get?",
      link: 'preset=sqli-waf-off',
      ask: 'status',
      choices: ['200', '403', '500'],
      explanation:
        'With a bound parameter the database never parses the text as SQL; it is just a value that matches nothing special, so the query returns one ordinary row and the app answers 200. There is no 403 because there is no WAF, and no 500 because nothing broke. That is defence in depth: the WAF is a cheap first filter, and the bound parameter is what actually makes injection harmless.',
      covers: [SECURITY, KEY_POINTS],
    },
    {
      id: 'syn-flood-visitors',
      type: 'predict-traffic',
      prompt: 'Fifty visitors a second use the site. From 20 s to 40 s an attacker sends a million SYN packets a second at the CloudFront edge. What happens to the visitors’ p99 latency?',
      ask: 'change',
      link: 'mode=traffic&duration=60',
      changed: 'mode=traffic&duration=60&timeline=20:syn-flood,40:syn-flood-stop',
      of: 'traffic:summary.latency.p99',
      what: 'the visitors’ p99 latency',
      choices: ['up', 'down', 'same'],
      explanation: `It stays the same, <Outcome link="mode=traffic&duration=60&timeline=20:syn-flood,40:syn-flood-stop" of="traffic:summary.latency.p99" />. Shield Standard absorbs the SYN flood inline at the edge, at layers 3 and 4, answering with SYN cookies that keep no state (<Outcome link="mode=traffic&duration=60&timeline=20:syn-flood,40:syn-flood-stop" of="traffic:summary.protection.synFloodAbsorbed" /> packets here). Nothing of it reaches the WAF, the cache or the origin, so the visitors’ requests meet exactly what they would have met without it.`,
      covers: [SECURITY, KEY_POINTS],
    },
    {
      id: 'rate-rule-p95',
      type: 'predict-traffic',
      prompt:
        'Five bot addresses flood the API with seven hundred requests a second from 15 s to 30 s, each for a URL nobody else asks for. Shield Standard passes them: they are well-formed HTTP. Add a WAF rate-based rule of 300 requests a minute per address. What happens to the visitors’ worst p95?',
      ask: 'change',
      link: 'preset=bot-flood-rate-rule&duration=50&botRate=700&timeline=15:bot-flood,30:bot-flood-stop&rateLimit=0',
      changed: 'preset=bot-flood-rate-rule&duration=50&botRate=700&timeline=15:bot-flood,30:bot-flood-stop',
      of: 'traffic:series.max.p95',
      what: 'the visitors’ worst p95 latency',
      choices: ['up', 'down', 'same'],
      explanation: `Down, from <Outcome link="preset=bot-flood-rate-rule&duration=50&botRate=700&timeline=15:bot-flood,30:bot-flood-stop&rateLimit=0" of="traffic:series.max.p95" /> to <Outcome link="preset=bot-flood-rate-rule&duration=50&botRate=700&timeline=15:bot-flood,30:bot-flood-stop" of="traffic:series.max.p95" />. An HTTP flood is layer 7, so only the WAF can stop it, and a rate-based rule does, from its first check after an address crosses the limit (at <Outcome link="preset=bot-flood-rate-rule&duration=50&botRate=700&timeline=15:bot-flood,30:bot-flood-stop" of="traffic:series.firstAbove(0).wafStoppedPerS" format="s" /> here): it is approximate and checked about every 10 s, so the first seconds of the flood still reach the pods.`,
      covers: [SECURITY, KEY_POINTS],
    },
    {
      id: 'nacl-mistake-under-load',
      type: 'predict-traffic',
      prompt:
        'The data subnets’ NACL lets queries in on 5432 but forgets the ephemeral ports for the replies (`nacl-no-ephemeral`). Fifty visitors a second; four requests in five are static files from S3, the rest API calls that need the database. What share of the visits fail?',
      ask: 'band',
      link: 'preset=nacl-no-ephemeral&mode=traffic&duration=30&kind=mix',
      of: 'traffic:summary.errorRate',
      what: 'the share of visits that fail',
      choices: ['0-0.05', '0.05-0.5', '0.5-0.95', '0.95-inf'],
      explanation: `<Outcome link="preset=nacl-no-ephemeral&mode=traffic&duration=30&kind=mix" of="traffic:summary.errorRate" />: every API call that needs the database times out, because the database’s replies die at the subnet edge, but static files from S3 never cross the data subnet. A NACL guards one subnet, statelessly, so a mistake in it breaks only the traffic that crosses it: a partial outage that looks like an application bug on the dashboard.`,
      covers: [SECURITY, RDS],
    },
  ],
};
