/**
 * Worker threads started before their job is known. A worker takes ≈ 0.2 s to load the library before it reads a
 * byte; the command line knows from its arguments, before it loads a command's modules, that a large file is about
 * to be read on several cores, and starts the workers then, so that they load while this thread loads its own. The
 * range reader (parallel.ts) takes a waiting worker of the same script when there is one and sends it its job,
 * else starts one as before. The waiting workers are kept on `globalThis` (under a registered symbol), so that a
 * copy of this module in another bundle (the command line's) shares them. Node only.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** The `workerData` of a waiting worker: it takes its job from its first message instead. */
export const AWAIT_JOB = 'shequ:await-job';

interface Waiting {
  readonly worker: Worker;
  /** It failed or ended while it waited: never handed a job. */
  gone: boolean;
}

const REGISTRY = Symbol.for('shequ.waitingWorkers');

/** The waiting workers by the URL of their script. */
function registry(): Map<string, Waiting[]> {
  const holder = globalThis as { [REGISTRY]?: Map<string, Waiting[]> };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/**
 * Starts `count` workers of the script at `url` that wait for their job. They do not keep the process alive, and a
 * failure while they wait (the script cannot load) only takes them out of the pool.
 *
 * @param url - the worker's script
 * @param count - how many
 * @returns the workers started
 */
export function startWaitingWorkers(url: URL, count: number): readonly Worker[] {
  const pool = registry();
  const list = pool.get(url.href) ?? [];
  pool.set(url.href, list);
  const started: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const worker = new Worker(url, { workerData: AWAIT_JOB });
    started.push(worker);
    const entry: Waiting = { worker, gone: false };
    const leave = () => {
      entry.gone = true;
    };
    worker.on('error', leave);
    worker.on('exit', leave);
    worker.unref();
    list.push(entry);
  }
  return started;
}

/**
 * A worker of the script at `url` running `job`: a waiting one, sent the job, when there is one; else a new one with
 * the job as its `workerData`.
 *
 * @param url - the worker's script
 * @param job - its job (structured-cloneable; shared memory is shared)
 * @returns the worker, its job given
 */
export function workerWithJob(url: URL, job: unknown): Worker {
  const list = registry().get(url.href);
  for (let entry = list?.shift(); entry !== undefined; entry = list?.shift()) {
    if (entry.gone) continue;
    const { worker } = entry;
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    worker.ref();
    worker.postMessage(job);
    return worker;
  }
  return new Worker(url, { workerData: job });
}

/**
 * Ends the workers still waiting (the job did not need them). Safe to call when none was started.
 *
 * @returns when they have ended
 */
export async function stopWaitingWorkers(): Promise<void> {
  const pool = registry();
  const all = [...pool.values()].flat();
  pool.clear();
  await Promise.all(all.map(({ worker }) => worker.terminate().catch(() => undefined)));
}

/**
 * In a worker: its job — its `workerData`, or, when it was started waiting, its first message.
 *
 * @returns the job
 */
export function jobOfThisWorker<Job>(): Promise<Job> {
  if (workerData !== AWAIT_JOB) return Promise.resolve(workerData as Job);
  return new Promise((resolve) => parentPort?.once('message', (job: Job) => resolve(job)));
}
