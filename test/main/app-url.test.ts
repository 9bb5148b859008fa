/** The Electron window's app-URL check: whole path segments below the renderer folder, on POSIX and Windows folders alike. */
import { folderRef, isAppUrl, type WindowTarget } from '../../main/app-url';

const posix: WindowTarget = { devUrl: null, rendererDir: '/opt/prozvon/dist/renderer' };
const win: WindowTarget = { devUrl: null, rendererDir: 'C:\\Program Files\\Prozvon\\resources\\app\\dist\\renderer' };
const unc: WindowTarget = { devUrl: null, rendererDir: '\\\\fileserver\\apps\\Prozvon\\renderer' };
const dev: WindowTarget = { devUrl: 'http://127.0.0.1:5173/', rendererDir: '/opt/prozvon/dist/renderer' };

describe('isAppUrl', () => {
  test.each<[string, WindowTarget, string, boolean]>([
    ['index.html below the folder', posix, 'file:///opt/prozvon/dist/renderer/index.html', true],
    ['an asset in a subfolder, with query and hash', posix, 'file:///opt/prozvon/dist/renderer/assets/app.js?v=1#top', true],
    ['a sibling folder sharing the prefix', posix, 'file:///opt/prozvon/dist/renderer-evil/index.html', false],
    ['a file named like the folder', posix, 'file:///opt/prozvon/dist/rendererindex.html', false],
    ['the folder itself', posix, 'file:///opt/prozvon/dist/renderer', false],
    ['the folder with a trailing slash', posix, 'file:///opt/prozvon/dist/renderer/', false],
    ['a parent folder', posix, 'file:///opt/prozvon/dist/index.html', false],
    ['`..` climbing out (resolved by the URL parser)', posix, 'file:///opt/prozvon/dist/renderer/../secret.html', false],
    ['encoded dots climbing out', posix, 'file:///opt/prozvon/dist/renderer/%2e%2e/secret.html', false],
    ['an encoded slash hiding a climb', posix, 'file:///opt/prozvon/dist/renderer/..%2f..%2fetc/passwd', false],
    ['an encoded slash inside a segment', posix, 'file:///opt/prozvon/dist/renderer/a%2Fb.html', false],
    ['an encoded backslash inside a segment', posix, 'file:///opt/prozvon/dist/renderer/a%5Cb.html', false],
    ['an encoded NUL', posix, 'file:///opt/prozvon/dist/renderer/index.html%00.png', false],
    ['a malformed escape', posix, 'file:///opt/prozvon/dist/renderer/%E0%A4%A', false],
    ['case differs on POSIX', posix, 'file:///opt/Prozvon/dist/renderer/index.html', false],
    ['a file URL with a host', posix, 'file://evil/opt/prozvon/dist/renderer/index.html', false],
    ['http to the same path', posix, 'http://opt/prozvon/dist/renderer/index.html', false],
    ['not a URL', posix, 'index.html', false],
    ['Windows: a file below the folder', win, 'file:///C:/Program%20Files/Prozvon/resources/app/dist/renderer/index.html', true],
    ['Windows: drive letter and names in another case', win, 'file:///c:/program%20files/prozvon/resources/app/dist/renderer/index.html', true],
    ['Windows: backslashes in the URL are separators', win, 'file:///C:\\Program%20Files\\Prozvon\\resources\\app\\dist\\renderer\\index.html', true],
    ['Windows: a sibling folder', win, 'file:///C:/Program%20Files/Prozvon/resources/app/dist/renderer-evil/index.html', false],
    ['Windows: another drive', win, 'file:///D:/Program%20Files/Prozvon/resources/app/dist/renderer/index.html', false],
    ['Windows: an encoded backslash hiding a climb', win, 'file:///C:/Program%20Files/Prozvon/resources/app/dist/renderer/..%5C..%5Csecret.html', false],
    ['UNC: a file below the share folder', unc, 'file://fileserver/apps/Prozvon/renderer/index.html', true],
    ['UNC: another server', unc, 'file://otherserver/apps/Prozvon/renderer/index.html', false],
    ['UNC: a local path with the same segments', unc, 'file:///apps/Prozvon/renderer/index.html', false],
    ['dev: same origin', dev, 'http://127.0.0.1:5173/queue', true],
    ['dev: another port', dev, 'http://127.0.0.1:5174/', false],
    ['dev: localhost is another origin', dev, 'http://localhost:5173/', false],
    ['dev: the built file is not the app', dev, 'file:///opt/prozvon/dist/renderer/index.html', false],
  ])('%s', (_name, target, url, expected) => {
    expect(isAppUrl(url, target)).toBe(expected);
  });
});

describe('folderRef', () => {
  test.each<[string, ReturnType<typeof folderRef>]>([
    ['/opt/prozvon/dist/renderer', { host: '', segments: ['opt', 'prozvon', 'dist', 'renderer'], windows: false }],
    ['/opt/prozvon/dist/main/../renderer/', { host: '', segments: ['opt', 'prozvon', 'dist', 'renderer'], windows: false }],
    ['C:\\app\\renderer', { host: '', segments: ['C:', 'app', 'renderer'], windows: true }],
    ['c:/app/renderer', { host: '', segments: ['c:', 'app', 'renderer'], windows: true }],
    ['\\\\Server\\share\\renderer', { host: 'server', segments: ['share', 'renderer'], windows: true }],
    ['relative/renderer', null],
  ])('%s', (dir, expected) => {
    expect(folderRef(dir)).toEqual(expected);
  });
});
