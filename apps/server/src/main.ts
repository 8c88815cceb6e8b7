import { DEMO_PASSWORD } from '@ipf/app';
import { startServer } from './start-server.ts';

/** `npm start`: the platform on PGlite in ./data (or DATABASE_URL), demo data on first start, port 3000. */
const server = await startServer();
const roleWidth = Math.max(...server.demoUsers.map((u) => u.role.length));
const shown = server.demoUsers.filter(
  (u, i, all) => all.findIndex((v) => v.role === u.role) === i || u.login === 'bank01.approver',
);
process.stdout.write(
  [
    '',
    `知识产权质押融资服务平台 running at ${server.url.replace('127.0.0.1', 'localhost')}  (API docs: /api/docs)`,
    server.demoUsers.length === 0
      ? ''
      : `Demo log-ins (password ${DEMO_PASSWORD}; one-time code: npm run -s cli -- demo totp <login>):`,
    ...shown.map((u) => `  ${u.role.padEnd(roleWidth)}  ${u.login}`),
    server.demoUsers.length === 0
      ? ''
      : `  … ${server.demoUsers.length} demo users in all (bankNN.clerk, bankNN.approver, bureau.<district>, entNNN …)`,
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
