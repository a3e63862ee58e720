/**
 * The page: plain DOM, no framework (one form, a progress bar and tables rendered from one result object: a
 * framework would add weight and a build step of its own for no gain, and plain DOM keeps the page one script that
 * opens from disk). The work runs in a Web Worker started from a Blob URL (a file:// page cannot start one from a file).
 */
import type { Finding, GroupLevel } from '../../src/index.js';
import { escapeXml } from './charts.js';
import { WORDS, type WordKey, word } from './i18n.js';
import type { DownloadKind, FromWorker, Lang, RunResult, RunSettings, ToWorker } from './protocol.js';
import { renderResults } from './results.js';

declare const __WORKER_SOURCE__: string;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const state: { lang: Lang; file: File | undefined; result: RunResult | undefined; running: boolean } = {
  lang: 'zh',
  file: undefined,
  result: undefined,
  running: false,
};

const worker = new Worker(URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: 'text/javascript' })));
const send = (message: ToWorker) => worker.postMessage(message);

/** Today in China, as the library's default as-of date. */
function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function settings(): RunSettings {
  const groups = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="group"]:checked')).map(
    (box) => box.value as GroupLevel,
  );
  return {
    profile: $<HTMLSelectElement>('profile').value as RunSettings['profile'],
    asOf: $<HTMLInputElement>('as-of').value || todayInChina(),
    groupBy: groups.length > 0 ? groups : ['county'],
  };
}

function showMessage(html: string | undefined, kind: 'error' | 'info' = 'error'): void {
  const box = $('message');
  box.hidden = html === undefined;
  box.className = kind;
  box.innerHTML = html ?? '';
}

function start(file: File): void {
  state.file = file;
  state.running = true;
  state.result = undefined;
  $('results').hidden = true;
  showMessage(undefined);
  $('progress').hidden = false;
  $<HTMLProgressElement>('progress-bar').value = 0;
  $('progress-text').textContent = `${file.name} …`;
  $<HTMLButtonElement>('rerun').disabled = true;
  send({ type: 'run', file, name: file.name, settings: settings() });
}

function finished(): void {
  state.running = false;
  $('progress').hidden = true;
  $<HTMLButtonElement>('rerun').disabled = state.file === undefined;
}

function render(): void {
  const lang = state.lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${word('title', lang)} · shequ`;
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-t]')))
    element.textContent = word(element.dataset.t as WordKey, lang);
  $('lang').textContent = word('switchLang', lang);
  if (state.result !== undefined) renderResults($('results'), state.result, lang, download, findingPages);
}

function download(kind: DownloadKind): void {
  send({ type: 'download', kind, lang: state.lang });
}

const pending = new Map<number, (items: readonly Finding[]) => void>();
let requests = 0;

/** A page of a rule's findings, from the worker (which keeps them: posting 800 000 findings would take seconds). */
function findingPages(rule: string, start: number, count: number): Promise<readonly Finding[]> {
  const id = ++requests;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    send({ type: 'findings', id, rule, start, count });
  });
}

function save(name: string, mime: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  const lang = state.lang;
  if (message.type === 'progress') {
    $<HTMLProgressElement>('progress-bar').value = (message.phase - 1 + message.fraction) / 2;
    $('progress-text').textContent =
      `${word(message.phase === 1 ? 'reading' : 'checking', lang)} (${message.phase}/2) · ${message.read.toLocaleString()} ${word('rowsRead', lang)}`;
  } else if (message.type === 'done') {
    finished();
    state.result = message.result;
    render();
  } else if (message.type === 'cancelled') {
    finished();
    showMessage(escapeXml(word('cancelled', lang)), 'info');
  } else if (message.type === 'failed') {
    finished();
    showMessage(escapeXml(message.message[lang]));
  } else if (message.type === 'findings') {
    pending.get(message.id)?.(message.items);
    pending.delete(message.id);
  } else if (message.type === 'file') save(message.name, message.mime, message.bytes);
};

function wire(): void {
  const drop = $('drop');
  $<HTMLInputElement>('as-of').value = todayInChina();
  $<HTMLInputElement>('file').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file !== undefined) start(file);
    input.value = ''; // the same file chosen again (after a fix, or a cancel) is a new change
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) start(file);
  });
  $('settings').addEventListener('submit', (event) => {
    event.preventDefault();
    if (state.file !== undefined && !state.running) start(state.file);
  });
  $('cancel').addEventListener('click', () => send({ type: 'cancel' }));
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    render();
  });
}

wire();
render();

export { WORDS };
