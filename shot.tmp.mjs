import { chromium } from '@playwright/test';
const [,, url, out, w='1280', h='800', scheme='light'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme });
await p.goto(url); await p.waitForLoadState('networkidle');
await p.waitForTimeout(1500);
await p.screenshot({ path: out, fullPage: false });
await b.close();
