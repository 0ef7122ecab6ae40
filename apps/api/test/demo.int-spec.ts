import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { type TestApp, startTestApp } from './test-app';

/** demo/ is wired in the app (main.ts and `cli seed` call it): first start on an empty database, and only then. */
describe('Demo data (DemoModule)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('empty');
  });
  afterAll(() => t.close());

  it('fills an empty database once: the département, the demo accounts and their projects', async () => {
    const seeder = t.app.get(DemoSeeder);
    expect(await seeder.seedOnFirstRun()).toBe(true);
    const accounts: { email: string }[] = await t.db.query(`SELECT email FROM app_user WHERE email = ANY($1::text[])`, [DEMO_ACCOUNTS.map((a) => a.email)]);
    expect(accounts).toHaveLength(DEMO_ACCOUNTS.length);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM project`);
    expect(count).toBeGreaterThan(0);
    expect(await seeder.seedOnFirstRun()).toBe(false);
  }, 120_000);
});
