export default async function globalTeardown(): Promise<void> {
  await globalThis.__PASSERELLE_E2E_APP__?.stop();
}
