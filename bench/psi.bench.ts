import { createECDH } from 'node:crypto';
import { loadavg } from 'node:os';
import { createPsiKey, encodePsiPoint, hashPsiItems, maskPsiPoints } from '@ipf/app';
import { findPsiIntersection } from '@ipf/domain/psi';

/**
 * Private set intersection benchmark (issue 10 items 7 and 9): the platform's ECDH-PSI (X25519 native, hash to
 * Curve25519 by curve25519_XMD:SHA-512_ELL2_RO_) against `@openmined/psi.js` (ECDH-PSI on P-256 in WASM, the
 * intersection revealed, raw set, no Bloom filter) on the same two sets of USCC-shaped items, one process, one
 * core each, no network. Then scalar multiplications per core-second: X25519 native, P-256 native
 * (`ECDH.computeSecret`, compressed points), psi.js (its EC operations over its run time), and SecretFlow's
 * published C++ figure for comparison. Optional size after the filter: `npm run bench psi 20000`.
 */
const SIZE = Number(process.argv[3] ?? 100_000);
const OVERLAP = Math.floor(SIZE / 10);

interface PsiJsParty {
  createSetupMessage(fpr: number, numClientInputs: number, inputs: string[], ds: number): unknown;
  createRequest(inputs: string[]): unknown;
  processRequest(request: unknown): unknown;
  getIntersection(setup: unknown, response: unknown): number[];
  delete(): void;
}
interface PsiJs {
  server: { createWithNewKey(reveal: boolean): PsiJsParty };
  client: { createWithNewKey(reveal: boolean): PsiJsParty };
  dataStructure: { Raw: number };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en-US');

/** 18-character codes shaped like USCCs; the bank's list shares `OVERLAP` of them with the server's set. */
function makeSets(): { server: string[]; client: string[] } {
  const code = (prefix: string, i: number) => `9144${prefix}${String(i).padStart(11, '0')}X`;
  const server = Array.from({ length: SIZE }, (_, i) => code('030', i));
  const client = Array.from({ length: SIZE }, (_, i) => (i < OVERLAP ? server[i * 7]! : code('031', i)));
  return { server, client };
}

function runOurs(server: string[], client: string[]): number {
  const timings: string[] = [];
  const time = <T>(label: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings.push(`${label} ${seconds(performance.now() - started)} s`);
    return result;
  };
  const started = performance.now();
  const serverKey = createPsiKey();
  const bankKey = createPsiKey();
  const serverPoints = time('server hash', () => hashPsiItems(server));
  const maskedServerSet = time('server mask', () => maskPsiPoints(serverKey, serverPoints));
  const bankPoints = time('bank hash', () => hashPsiItems(client));
  const maskedItems = time('bank mask', () => maskPsiPoints(bankKey, bankPoints));
  const doublyMaskedItems = time('server answers', () =>
    maskPsiPoints(serverKey, maskedItems).map(encodePsiPoint),
  );
  const doublyMaskedServerSet = time('bank re-masks set', () =>
    maskPsiPoints(bankKey, maskedServerSet).map(encodePsiPoint),
  );
  const intersection = time('compare', () =>
    findPsiIntersection({ items: client, doublyMaskedItems, doublyMaskedServerSet }),
  );
  const total = performance.now() - started;
  console.log(`ours: ${seconds(total)} s, intersection ${intersection.length} (${timings.join(', ')})`);
  if (intersection.length !== OVERLAP) throw new Error('ours: wrong intersection size');
  return total;
}

function runPsiJs(psi: PsiJs, server: string[], client: string[]): number {
  const started = performance.now();
  const psiServer = psi.server.createWithNewKey(true);
  const psiClient = psi.client.createWithNewKey(true);
  const setup = psiServer.createSetupMessage(1e-9, client.length, server, psi.dataStructure.Raw);
  const setupDone = performance.now();
  const request = psiClient.createRequest(client);
  const requestDone = performance.now();
  const response = psiServer.processRequest(request);
  const responseDone = performance.now();
  const intersection = psiClient.getIntersection(setup, response);
  const total = performance.now() - started;
  psiServer.delete();
  psiClient.delete();
  console.log(
    `psi.js: ${seconds(total)} s, intersection ${intersection.length} (server setup ${seconds(setupDone - started)} s, ` +
      `client request ${seconds(requestDone - setupDone)} s, server response ${seconds(responseDone - requestDone)} s, ` +
      `client intersection ${seconds(performance.now() - responseDone)} s)`,
  );
  if (intersection.length !== OVERLAP) throw new Error('psi.js: wrong intersection size');
  return total;
}

/** Native scalar multiplications a second on one core, the curve input already a point. */
function measureNative(count: number): { x25519: number; p256: number; hash: number } {
  const key = createPsiKey();
  const points = hashPsiItems(Array.from({ length: 2_000 }, (_, i) => `warm-${i}`));
  let started = performance.now();
  const hashed = hashPsiItems(
    Array.from({ length: count }, (_, i) => `9144030${String(i).padStart(10, '0')}X`),
  );
  const hashMs = performance.now() - started;
  maskPsiPoints(key, points);
  started = performance.now();
  maskPsiPoints(key, hashed);
  const x25519Ms = performance.now() - started;

  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const p256Points = Array.from({ length: Math.ceil(count / 2) }, () => {
    const other = createECDH('prime256v1');
    other.generateKeys();
    return other.getPublicKey(null, 'compressed');
  });
  started = performance.now();
  for (const point of p256Points) ecdh.computeSecret(point);
  const p256Ms = performance.now() - started;
  return {
    x25519: (count / x25519Ms) * 1000,
    p256: (p256Points.length / p256Ms) * 1000,
    hash: (count / hashMs) * 1000,
  };
}

export default async function benchPsi(): Promise<void> {
  const { default: loadPsi } = (await import('@openmined/psi.js')) as unknown as {
    default: () => Promise<PsiJs>;
  };
  const psi = await loadPsi();
  const { server, client } = makeSets();
  console.log(`${SIZE.toLocaleString('en-US')} × ${SIZE.toLocaleString('en-US')} items, ${OVERLAP} shared`);

  console.log(`load average before ours: ${load()}`);
  const ours = runOurs(server, client);
  console.log(`load average before psi.js: ${load()}`);
  const theirs = runPsiJs(psi, server, client);
  console.log(`psi.js ÷ ours: ${(theirs / ours).toFixed(1)}×`);

  console.log(`load average before the per-operation figures: ${load()}`);
  const native = measureNative(20_000);
  // psi.js: 2n hash-and-multiply (each side's own set), n (server re-masks the request), n (client unmasks).
  const psiJsOps = (4 * SIZE) / (theirs / 1000);
  // Ours: 4n scalar multiplications, and 2n hashes to the curve in JavaScript bigint arithmetic.
  const oursOps = (4 * SIZE) / (ours / 1000);
  console.log(`X25519 native: ${Math.round(native.x25519).toLocaleString('en-US')} scalar multiplications/s`);
  console.log(`P-256 native (ECDH.computeSecret): ${Math.round(native.p256).toLocaleString('en-US')} /s`);
  console.log(
    `hash to Curve25519 (ours, bigint): ${Math.round(native.hash).toLocaleString('en-US')} items/s`,
  );
  console.log(
    `ours end to end: ${perSecond(4 * SIZE, ours)} EC operations/s (4n over the whole run, hashing included)`,
  );
  console.log(
    `psi.js end to end: ${Math.round(psiJsOps).toLocaleString('en-US')} EC operations/s (4n over its run)`,
  );
  // SecretFlow (C++): 10M × 10M ECDH-PSI in 42–67 s on 32 cores → 4 × 10^7 scalar multiplications.
  for (const secondsTaken of [42, 67])
    console.log(
      `SecretFlow ${secondsTaken} s: ${Math.round(4e7 / (secondsTaken * 32)).toLocaleString('en-US')} EC operations per core-second`,
    );
  console.log(`ours vs psi.js per operation: ${(oursOps / psiJsOps).toFixed(1)}×`);
}
