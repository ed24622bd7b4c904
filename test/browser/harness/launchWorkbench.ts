import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, _electron, type ElectronApplication, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/csp';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../../shared/ipc/names';
import { chooseRuntime, type RuntimeChoice } from './detectRuntime';
import { createHarnessBridge, workbenchInitScript, type HarnessBridge } from './harnessBridge';
import { rendererDir, repoRoot, screenshotDir } from './paths';
import { startStaticServer, type StaticServer } from './staticServer';

/** Flags for Debian's Chromium on a machine with no network and no GPU. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

let announced = false;
function announce(choice: RuntimeChoice): void {
  if (announced) return;
  announced = true;
  console.log(`[browser tests] running the app in ${choice.kind} (${choice.executablePath})`);
}

export interface WorkbenchSession {
  readonly kind: RuntimeChoice['kind'];
  /** The app's window (Electron) or tab (Chromium). */
  readonly page: Page;
  /** The profile folder: IndexedDB and the main process's settings live here. */
  readonly profileDir: string;
  /** Chromium only: the harness's main-process side (what was opened externally, ...). */
  readonly bridge: HarnessBridge | null;
  /** Sends an application-menu command to the window, as the app menu does. */
  menuCommand(command: MenuCommand): Promise<void>;
  /** Saves a PNG of the window under test-results/screenshots and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes the app and starts it again on the same profile (data must survive). */
  restart(): Promise<Page>;
  close(): Promise<void>;
}

interface Running {
  page: Page;
  bridge: HarnessBridge | null;
  menuCommand(command: MenuCommand): Promise<void>;
  stop(): Promise<void>;
}

async function startChromium(
  choice: RuntimeChoice,
  profileDir: string,
  server: StaticServer,
): Promise<Running> {
  const context = await chromium.launchPersistentContext(join(profileDir, 'chromium'), {
    executablePath: choice.executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 820 },
    colorScheme: 'light',
  });
  const bridge = createHarnessBridge({
    userDataDir: join(profileDir, 'userData'),
    origin: server.origin,
  });
  await context.exposeBinding('__workbenchInvoke', (source, channel: unknown, payload: unknown) =>
    bridge.dispatch(source.frame.url(), channel, payload),
  );
  await context.addInitScript({ content: await workbenchInitScript() });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  await page.goto(`${server.origin}/index.html`);
  return {
    page,
    bridge,
    menuCommand: async (command) => {
      await page.evaluate(
        ([channel, cmd]) => {
          (
            window as unknown as { __workbenchEmit: (c: string, a: string) => void }
          ).__workbenchEmit(channel, cmd);
        },
        [MENU_COMMAND_CHANNEL, command] as const,
      );
    },
    stop: () => context.close(),
  };
}

async function startElectron(choice: RuntimeChoice, profileDir: string): Promise<Running> {
  const app: ElectronApplication = await _electron.launch({
    executablePath: choice.executablePath,
    args: [join(repoRoot, 'out/main/index.js')],
    env: { ...process.env, WORKBENCH_USER_DATA_DIR: join(profileDir, 'userData') },
  });
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1280, height: 820 });
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  return {
    page,
    bridge: null,
    menuCommand: async (command) => {
      await app.evaluate(
        ({ BrowserWindow }, [channel, cmd]) => {
          BrowserWindow.getAllWindows()[0]?.webContents.send(channel, cmd);
        },
        [MENU_COMMAND_CHANNEL, command] as const,
      );
    },
    stop: () => app.close(),
  };
}

/**
 * Starts the app for one test on a fresh profile (or the given one): the real Electron app when
 * its binary is installed, otherwise the built renderer in Chromium with `window.workbench`
 * backed by the same IPC handler functions the preload reaches in the app.
 */
export async function launchWorkbench(
  options: { profileDir?: string } = {},
): Promise<WorkbenchSession> {
  const choice = chooseRuntime();
  announce(choice);
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'workbench-profile-')));
  const ownsProfile = options.profileDir === undefined;
  const server =
    choice.kind === 'chromium'
      ? await startStaticServer(rendererDir, CONTENT_SECURITY_POLICY)
      : null;
  const start = () =>
    server ? startChromium(choice, profileDir, server) : startElectron(choice, profileDir);
  let running = await start();

  return {
    kind: choice.kind,
    profileDir,
    get page() {
      return running.page;
    },
    get bridge() {
      return running.bridge;
    },
    menuCommand: (command) => running.menuCommand(command),
    async screenshot(name) {
      await mkdir(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      await running.page.screenshot({ path });
      return path;
    },
    async restart() {
      await running.stop();
      running = await start();
      return running.page;
    },
    async close() {
      await running.stop();
      await server?.close();
      if (ownsProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}
