/**
 * A network that opens only what the site needs, as a link writes it: each tier's network ACL lets in the port the
 * tier before it uses and the ephemeral ports its own replies come back on (1024–65535, which covers the load
 * balancer's range as well as Linux's), and the app's group lets out only the database and HTTPS. Nothing the site
 * does is dropped, so the tests and the bench use it to run every filter with rules that are not the defaults.
 */
export const TIGHT_NETWORK_LINK = [
  'naclPublic=in:100:allow:tcp:443:192.0.2.0/24,in:110:allow:tcp:1024-65535:10.0.0.0/16,out:100:allow:tcp:80:10.0.21.0/24,out:110:allow:tcp:1024-65535:0.0.0.0/0',
  'naclApp=in:100:allow:tcp:80:10.0.1.0/24,in:110:allow:tcp:1024-65535:0.0.0.0/0,out:100:allow:tcp:db:10.0.31.0/24,out:110:allow:tcp:443:0.0.0.0/0,out:120:allow:tcp:1024-65535:10.0.0.0/16',
  'naclData=in:100:allow:tcp:db:10.0.21.0/24,out:100:allow:tcp:1024-65535:10.0.21.0/24',
  'sgApp=in:tcp:8080:sg-web,out:tcp:db:sg-db,out:tcp:443:0.0.0.0/0',
].join('&');
